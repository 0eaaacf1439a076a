import { describe, expect, it } from 'vitest';
import { and, count, desc, eq, like } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { formPost } from '../factories/page.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { registerPerson, registerPersonInput, requestAccountLink } from '../../src/lib/server/people/index.ts';
import { createNeed, createNeedInput } from '../../src/lib/server/aid/index.ts';
import { ForbiddenError, NotFoundError } from '../../src/lib/server/core/errors.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { mailOutbox } from '../../src/lib/server/mail/schema.ts';
import { setMailNotifier } from '../../src/lib/server/mail/outbox.ts';
import { aidNeed } from '../../src/lib/server/aid/schema.ts';
import { accessRoleGrant } from '../../src/lib/server/access/schema.ts';
import { peopleLinkRequest, peoplePerson } from '../../src/lib/server/people/schema.ts';
import { actions as personActions, load as personLoad } from '../../src/routes/(work)/people/[id]/+page.server.ts';
import { actions as confirmActions, load as confirmLoad } from '../../src/routes/account/link/[token]/+page.server.ts';

const { db } = await freshAppDatabase();
const orgA = await makeOrganisation(db, 'Buurthuis A');
const orgB = await makeOrganisation(db, 'Buurthuis B');
const areaA = await makeArea(db);
const areaB = await makeArea(db);
const facB = await makeActor(db, 'facilitator', { organisationId: orgB.id, areaId: areaB.id });
const residentA = await makeActor(db, 'resident', { organisationId: orgA.id, areaId: areaA.id });
await createNeed(
	ctxFor(db, residentA.actor),
	createNeedInput.parse({
		personId: residentA.person.id,
		category: 'errands',
		title: 'Shopping on Tuesday',
		areaId: areaA.id,
		windows: [{ day: 1, start: 540, end: 720 }]
	})
);

type Who = { actor: Parameters<typeof ctxFor>[1] };
const walkIn = (firstName: string, who: Who = facB, organisationId = orgB.id, areaId = areaB.id) =>
	registerPerson(ctxFor(db, who.actor), registerPersonInput.parse({ firstName, organisationId, areaId }));

/** Asks for a link through the person page's real form action. */
const ask = (who: Who, personId: string, email: string) =>
	personActions.link!(formPost(`/people/${personId}?/link`, who, { email }, { params: { id: personId } }));

const tokenMailedTo = async (email: string) => {
	const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.to, email)).orderBy(desc(mailOutbox.createdAt)).limit(1);
	return mail!.text.match(/\/account\/link\/([A-Za-z0-9_-]{43})/)?.[1] ?? null;
};
const view = (who: Who | null, token: string) =>
	confirmLoad({ locals: { actor: who ? who.actor : { userId: null, grants: [] }, locale: 'en' }, params: { token } } as never) as Promise<
		Record<string, unknown>
	>;
const answer = (who: Who, token: string, verb: 'confirm' | 'decline' = 'confirm') =>
	confirmActions[verb]!(formPost(`/account/link/${token}?/${verb}`, who, {}, { params: { token } })) as Promise<Record<string, unknown>>;

const personRow = async (id: string) => (await db.select().from(peoplePerson).where(eq(peoplePerson.id, id)))[0] ?? null;
const auditOf = (entity: string, entityId: string) =>
	db
		.select()
		.from(coreAudit)
		.where(and(eq(coreAudit.entity, entity), eq(coreAudit.entityId, entityId)));
const snapshotOfA = async () => ({
	person: await personRow(residentA.person.id),
	grants: await db.select().from(accessRoleGrant).where(eq(accessRoleGrant.personId, residentA.person.id)),
	needs: ((await db.select({ n: count() }).from(aidNeed).where(eq(aidNeed.personId, residentA.person.id))) as [{ n: number }])[0].n
});

describe('the attack: a facilitator of B links a B walk-in to the address of an A resident', () => {
	it('changes nothing, and answers exactly as for an address without an account', async () => {
		const before = await snapshotOfA();
		expect(before.needs).toBe(1);
		const target = await walkIn('Target');
		const known = await ask(facB, target.id, residentA.email);
		const unknown = await ask(facB, target.id, 'nobody-at-all@example.test');
		// Same status (a plain result, no failure) and the same body but for the address that was typed.
		expect(known).toEqual({ linkRequested: residentA.email });
		expect(unknown).toEqual({ linkRequested: 'nobody-at-all@example.test' });
		expect(JSON.stringify(known).replace(residentA.email, 'X')).toBe(JSON.stringify(unknown).replace('nobody-at-all@example.test', 'X'));
		expect(await snapshotOfA()).toEqual(before);
		expect((await personRow(target.id))!.userId).toBeNull();
	});

	it('mails both addresses the same subject; only the account gets a confirmation link, the other how to sign up', async () => {
		const target = await walkIn('Mailed');
		await ask(facB, target.id, residentA.email);
		await ask(facB, target.id, 'nobody-else@example.test');
		const [toA] = await db.select().from(mailOutbox).where(eq(mailOutbox.to, residentA.email)).orderBy(desc(mailOutbox.createdAt)).limit(1);
		const [toNobody] = await db.select().from(mailOutbox).where(eq(mailOutbox.to, 'nobody-else@example.test'));
		expect(toA!.subject).toBe(toNobody!.subject);
		expect(toA!.subject).toContain('Buurthuis B');
		expect(toA!.text).toMatch(/\/account\/link\/[A-Za-z0-9_-]{43}/);
		expect(toNobody!.text).toContain('/sign-up');
		expect(toNobody!.text).not.toContain('/account/link/');
		// Neither mail names the registered person: the address's owner may be somebody else.
		expect(toA!.text).not.toContain('Mailed');
		// Only a hash of the token is kept.
		const token = await tokenMailedTo(residentA.email);
		const stored = await db.select().from(peopleLinkRequest).where(eq(peopleLinkRequest.personId, target.id));
		expect(stored.map((r) => r.tokenHash)).not.toContain(token);
		expect(stored).toHaveLength(2);
	});

	it('refuses the A resident herself when she follows the link: her record holds data, and nothing changes', async () => {
		const target = await walkIn('Refused');
		await ask(facB, target.id, residentA.email);
		const token = (await tokenMailedTo(residentA.email))!;
		const before = await snapshotOfA();
		const page = await view(residentA, token);
		expect(page).toMatchObject({ state: 'ready', view: { organisation: 'Buurthuis B', firstName: 'Refused', blocked: true } });
		const refused = (await answer(residentA, token)) as unknown as { status: number; data: { message: string } };
		expect(refused.status).toBe(409);
		expect(refused.data.message).toContain('already has its own data');
		expect(await snapshotOfA()).toEqual(before);
		expect((await personRow(target.id))!.userId).toBeNull();
	});

	it('computes the scope for the permission it checks: reading people somewhere is not linking them there', async () => {
		// Outreach in A (may read A's people, may not link) and facilitator in B (may link B's people).
		const both = await makeActor(db, 'facilitator', { organisationId: orgB.id });
		await db.insert(accessRoleGrant).values({ personId: both.person.id, role: 'outreach', organisationId: orgA.id, areaId: null });
		const bothActor = {
			actor: { ...both.actor, grants: [...both.actor.grants, { role: 'outreach' as const, organisationId: orgA.id, areaId: null }] }
		};
		const aWalkIn = await walkIn('In A', await makeActor(db, 'facilitator', { organisationId: orgA.id }), orgA.id, areaA.id);
		const someone = await makeActor(db, null);
		const refused = (await ask(bothActor, aWalkIn.id, someone.email)) as unknown as { status: number };
		expect(refused.status).toBe(404);
		expect(await personRow(someone.person.id)).not.toBeNull();
		// The page does not offer what the verb refuses.
		const page = (await personLoad({
			params: { id: aWalkIn.id },
			locals: { actor: bothActor.actor, locale: 'en' },
			url: new URL(`http://localhost/people/${aWalkIn.id}`)
		} as never)) as { canLink: boolean };
		expect(page.canLink).toBe(false);
		expect(await db.select().from(peopleLinkRequest).where(eq(peopleLinkRequest.personId, aWalkIn.id))).toEqual([]);
		const outreach = await makeActor(db, 'outreach', { organisationId: orgA.id });
		await expect(requestAccountLink(ctxFor(db, outreach.actor), { personId: aWalkIn.id, email: 'x@example.test' })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await expect(requestAccountLink(ctxFor(db, facB.actor), { personId: aWalkIn.id, email: 'x@example.test' })).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe("the owner's confirmation", () => {
	it('links a registered person to an account whose own record holds only what sign-up wrote, with an audit row for every change', async () => {
		const newcomer = await makeActor(db, null);
		const target = await walkIn('Newcomer');
		await ask(facB, target.id, newcomer.email);
		const token = (await tokenMailedTo(newcomer.email))!;
		expect(await view(newcomer, token)).toMatchObject({
			state: 'ready',
			view: { organisation: 'Buurthuis B', firstName: 'Newcomer', blocked: false }
		});
		// Asking alone changed nothing.
		expect((await personRow(target.id))!.userId).toBeNull();
		expect(await answer(newcomer, token)).toEqual({ done: 'confirmed' });
		expect((await personRow(target.id))!.userId).toBe(newcomer.user.id);
		expect(await personRow(newcomer.person.id)).toBeNull();
		const removed = await auditOf('people_person', newcomer.person.id);
		expect(removed.map((r) => r.action)).toEqual(['delete']);
		expect(removed[0]!.details).toMatchObject({ replacedBy: target.id, email: newcomer.email });
		const linked = (await auditOf('people_person', target.id)).filter((r) => r.action === 'update');
		expect(linked).toHaveLength(1);
		expect(linked[0]!.actorUserId).toBe(newcomer.user.id);
		expect(linked[0]!.details).toMatchObject({ linkedUser: newcomer.user.id, requestedBy: facB.user.id, removedPerson: newcomer.person.id });
		const [request] = await db.select().from(peopleLinkRequest).where(eq(peopleLinkRequest.personId, target.id));
		expect((await auditOf('people_link_request', request!.id)).map((r) => r.action)).toEqual(['create', 'update']);
	});

	it('refuses a used token, an expired one and a declined one, and changes nothing', async () => {
		const owner = await makeActor(db, null);
		const used = await walkIn('Used');
		await ask(facB, used.id, owner.email);
		const usedToken = (await tokenMailedTo(owner.email))!;
		await answer(owner, usedToken);
		const again = (await answer(owner, usedToken)) as unknown as { status: number; data: { message: string } };
		expect(again.status).toBe(410);
		expect(await view(owner, usedToken)).toMatchObject({ state: 'refused' });

		const late = await makeActor(db, null);
		const expired = await walkIn('Expired');
		await ask(facB, expired.id, late.email);
		const expiredToken = (await tokenMailedTo(late.email))!;
		await db
			.update(peopleLinkRequest)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(peopleLinkRequest.personId, expired.id));
		expect(((await answer(late, expiredToken)) as unknown as { status: number }).status).toBe(410);
		expect((await personRow(expired.id))!.userId).toBeNull();
		expect(await personRow(late.person.id)).not.toBeNull();

		const declined = await walkIn('Declined');
		await ask(facB, declined.id, late.email);
		const declinedToken = (await tokenMailedTo(late.email))!;
		expect(await answer(late, declinedToken, 'decline')).toEqual({ done: 'declined' });
		expect(((await answer(late, declinedToken)) as unknown as { status: number }).status).toBe(410);
		expect((await personRow(declined.id))!.userId).toBeNull();

		const made = await walkIn('Made up');
		expect(await view(late, 'A'.repeat(43))).toMatchObject({ state: 'refused' });
		expect(await view(late, '../../etc')).toMatchObject({ state: 'refused' });
		expect((await personRow(made.id))!.userId).toBeNull();
	});

	it('cannot be used, seen or spent by another signed-in account; the owner can still use it', async () => {
		const owner = await makeActor(db, null);
		const other = await makeActor(db, null);
		const target = await walkIn('Mine');
		await ask(facB, target.id, owner.email);
		const token = (await tokenMailedTo(owner.email))!;
		const page = await view(other, token);
		expect(page).toMatchObject({ state: 'refused' });
		expect(JSON.stringify(page)).not.toContain('Mine');
		const refused = (await answer(other, token)) as unknown as { status: number };
		expect(refused.status).toBe(403);
		expect((await personRow(target.id))!.userId).toBeNull();
		expect(await personRow(other.person.id)).not.toBeNull();
		expect(await answer(owner, token)).toEqual({ done: 'confirmed' });
		expect((await personRow(target.id))!.userId).toBe(owner.user.id);
	});

	it('asks a signed-out visitor to sign in, and says nothing about the link', async () => {
		const owner = await makeActor(db, null);
		const target = await walkIn('Signed out');
		await ask(facB, target.id, owner.email);
		const page = await view(null, (await tokenMailedTo(owner.email))!);
		expect(page).toEqual({ state: 'sign_in' });
	});

	it('refuses when the staff member who asked may no longer link that person', async () => {
		const leaving = await makeActor(db, 'facilitator', { organisationId: orgB.id, areaId: areaB.id });
		const owner = await makeActor(db, null);
		const target = await walkIn('Left');
		await ask(leaving, target.id, owner.email);
		await db.delete(accessRoleGrant).where(eq(accessRoleGrant.personId, leaving.person.id));
		const refused = (await answer(owner, (await tokenMailedTo(owner.email))!)) as unknown as { status: number; data: { message: string } };
		expect(refused.status).toBe(403);
		expect(refused.data.message).toContain('may no longer link');
		expect((await personRow(target.id))!.userId).toBeNull();
		expect(await personRow(owner.person.id)).not.toBeNull();
	});
});

describe('asking', () => {
	it('limits the requests per registered person, whatever the address, and says so the same way for every address', async () => {
		const target = await walkIn('Often');
		for (let i = 0; i < 3; i++) expect(await ask(facB, target.id, `try-${i}@example.test`)).toEqual({ linkRequested: `try-${i}@example.test` });
		const known = (await ask(facB, target.id, residentA.email)) as unknown as { status: number; data: { message: string } };
		const unknown = (await ask(facB, target.id, 'try-9@example.test')) as unknown as { status: number; data: { message: string } };
		expect(known.status).toBe(409);
		expect(unknown.status).toBe(409);
		expect(known.data.message).toBe(unknown.data.message);
		expect(await db.select().from(mailOutbox).where(like(mailOutbox.to, 'try-9%'))).toEqual([]);
	});

	it('writes an audit row for every request', async () => {
		const target = await walkIn('Audited');
		await ask(facB, target.id, 'audited@example.test');
		const [request] = await db.select().from(peopleLinkRequest).where(eq(peopleLinkRequest.personId, target.id));
		const rows = await auditOf('people_link_request', request!.id);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ action: 'create', actorUserId: facB.user.id });
	});

	it('hands the mail to the job queue only once the request is committed', async () => {
		const target = await walkIn('Queued');
		// The queue's worker reads the mail on a connection of its own: it must find the row.
		const found: boolean[] = [];
		setMailNotifier(async (id) => {
			found.push((await db.select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.id, id))).length === 1);
		});
		try {
			expect(await ask(facB, target.id, 'queued@example.test')).toEqual({ linkRequested: 'queued@example.test' });
		} finally {
			setMailNotifier(null);
		}
		expect(found).toEqual([true]);
	});
});
