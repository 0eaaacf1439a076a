import { describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { freshDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import {
	getPerson,
	listPeople,
	registerChoices,
	registerPerson,
	registerPersonInput,
	createOrganisation,
	requestAccountLink
} from '../../src/lib/server/people/index.ts';
import { grantRole, listAudit, revokeRole } from '../../src/lib/server/access/index.ts';
import { createArea } from '../../src/lib/server/areas/index.ts';
import { anonymous } from '../../src/lib/server/core/context.ts';
import { ForbiddenError, InvalidError, NotFoundError, UnauthenticatedError } from '../../src/lib/server/core/errors.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { peoplePerson } from '../../src/lib/server/people/schema.ts';

const { db } = await freshDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const area = await makeArea(db);
const otherArea = await makeArea(db);
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id });
const admin = await makeActor(db, 'admin', { organisationId: org.id });
const stranger = await makeActor(db, 'facilitator', { organisationId: otherOrg.id });

const walkIn = (over: Record<string, unknown> = {}) =>
	registerPersonInput.parse({
		firstName: 'Georgi',
		phone: '+32 470 12 34 56',
		organisationId: org.id,
		areaId: area.id,
		contactConsent: 'on',
		...over
	});

const rows = async (table: typeof peoplePerson | typeof coreAudit) => ((await db.select({ n: count() }).from(table)) as [{ n: number }])[0].n;

describe('registering a person without an account', () => {
	it('lets a facilitator register a walk-in, with an audit row in the same transaction', async () => {
		const person = await registerPerson(ctxFor(db, facilitator.actor), walkIn());
		expect(person.userId).toBeNull();
		expect(person.consents).toEqual(['contact']);
		const audit = await db
			.select()
			.from(coreAudit)
			.where(and(eq(coreAudit.entityId, person.id), eq(coreAudit.action, 'create')));
		expect(audit).toHaveLength(1);
		expect(audit[0]!.actorUserId).toBe(facilitator.user.id);
	});

	it('refuses a volunteer, and an anonymous visitor, and writes nothing', async () => {
		const before = await rows(peoplePerson);
		await expect(registerPerson(ctxFor(db, volunteer.actor), walkIn())).rejects.toBeInstanceOf(ForbiddenError);
		await expect(registerPerson(ctxFor(db, anonymous), walkIn())).rejects.toBeInstanceOf(UnauthenticatedError);
		expect(await rows(peoplePerson)).toBe(before);
	});

	it('refuses a facilitator of another area or organisation', async () => {
		await expect(registerPerson(ctxFor(db, facilitator.actor), walkIn({ areaId: otherArea.id }))).rejects.toBeInstanceOf(ForbiddenError);
		await expect(registerPerson(ctxFor(db, stranger.actor), walkIn())).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('asks an area-bound facilitator for the area, since a person without one would be out of their reach, and writes nothing', async () => {
		const before = await rows(peoplePerson);
		const refused = await registerPerson(ctxFor(db, facilitator.actor), walkIn({ areaId: null })).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(InvalidError);
		expect((refused as InvalidError).fields).toEqual({ areaId: 'error_required' });
		expect(await rows(peoplePerson)).toBe(before);
		const wide = await makeActor(db, 'coordinator', { organisationId: org.id });
		expect((await registerPerson(ctxFor(db, wide.actor), walkIn({ firstName: 'No area', areaId: null }))).areaId).toBeNull();
	});

	it('offers a facilitator only their own organisation and area to register in', async () => {
		const choices = await registerChoices(ctxFor(db, facilitator.actor));
		expect(choices.organisations.map((o) => o.id)).toEqual([org.id]);
		expect(choices.areaIds).toEqual([area.id]);
		const all = await registerChoices(ctxFor(db, admin.actor));
		expect(all.organisations.map((o) => o.id)).toEqual(expect.arrayContaining([org.id, otherOrg.id]));
		expect(all.areaIds).toBeNull();
		await expect(registerChoices(ctxFor(db, volunteer.actor))).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('rejects bad input with field messages before anything is written', () => {
		const bad = registerPersonInput.safeParse({
			firstName: '',
			phone: '<script>',
			email: 'not-mail',
			organisationId: 'x',
			lastName: 'y'.repeat(100_000)
		});
		expect(bad.success).toBe(false);
		const fields = new Set(bad.error!.issues.map((i) => i.path[0]));
		for (const f of ['firstName', 'phone', 'email', 'organisationId', 'lastName']) expect(fields).toContain(f);
	});

	it('refuses a NUL byte in a name with a message, not a database error, and writes nothing', async () => {
		const before = await rows(peoplePerson);
		const bad = registerPersonInput.safeParse({ firstName: 'Ma\u0000ria', organisationId: org.id });
		expect(bad.success).toBe(false);
		expect(bad.error!.issues[0]!.message).toBe('error_characters');
		expect(await rows(peoplePerson)).toBe(before);
	});
});

describe('scoped reads', () => {
	it('shows a facilitator only the people of their organisation and area', async () => {
		await registerPerson(ctxFor(db, admin.actor), walkIn({ firstName: 'Elsewhere', areaId: otherArea.id }));
		const seen = (await listPeople(ctxFor(db, facilitator.actor))).items.map((p) => p.firstName);
		expect(seen).toContain('Georgi');
		expect(seen).not.toContain('Elsewhere');
		expect(await listPeople(ctxFor(db, stranger.actor))).toEqual({ items: [], nextCursor: null });
		const all = (await listPeople(ctxFor(db, admin.actor))).items.map((p) => p.firstName);
		expect(all).toContain('Elsewhere');
	});

	it('audits every read of a person record, and hides records out of scope as not found', async () => {
		const person = await registerPerson(ctxFor(db, admin.actor), walkIn({ firstName: 'Read me' }));
		const before = await rows(coreAudit);
		await getPerson(ctxFor(db, facilitator.actor), { id: person.id, reason: 'follow-up call' });
		const [read] = await db
			.select()
			.from(coreAudit)
			.where(and(eq(coreAudit.entityId, person.id), eq(coreAudit.action, 'read')));
		expect(read?.reason).toBe('follow-up call');
		expect(await rows(coreAudit)).toBe(before + 1);
		await expect(getPerson(ctxFor(db, stranger.actor), { id: person.id })).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('linking a person to an account later', () => {
	// The whole flow (asking, the owner's confirmation, the refusals) is in people-link.test.ts.
	it('refuses a volunteer, and writes nothing', async () => {
		const person = await registerPerson(ctxFor(db, facilitator.actor), walkIn({ firstName: 'Nope' }));
		const before = await rows(coreAudit);
		await expect(requestAccountLink(ctxFor(db, volunteer.actor), { personId: person.id, email: admin.email })).rejects.toBeInstanceOf(ForbiddenError);
		expect(await rows(coreAudit)).toBe(before);
	});
});

describe('administration', () => {
	it('lets only an admin create organisations, areas and grant roles', async () => {
		const o = await createOrganisation(ctxFor(db, admin.actor), { name: 'Buurthuis Test', kind: 'association', lawfulBasis: 'consent' });
		const a = await createArea(ctxFor(db, admin.actor), { name: 'Rabot', city: 'Gent', code: 'gent-7-test' });
		const g = await grantRole(ctxFor(db, admin.actor), { personId: volunteer.person.id, role: 'facilitator', organisationId: o.id, areaId: a.id });
		expect(g.role).toBe('facilitator');
		await expect(
			grantRole(ctxFor(db, admin.actor), { personId: volunteer.person.id, role: 'facilitator', organisationId: o.id, areaId: a.id })
		).rejects.toMatchObject({ status: 409 });
		await revokeRole(ctxFor(db, admin.actor), { grantId: g.id });
		for (const who of [facilitator, volunteer]) {
			await expect(createOrganisation(ctxFor(db, who.actor), { name: 'X org', kind: 'city', lawfulBasis: 'public_task' })).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await expect(createArea(ctxFor(db, who.actor), { name: 'Xx', city: 'Gent', code: 'x-1' })).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				grantRole(ctxFor(db, who.actor), { personId: who.person.id, role: 'admin', organisationId: org.id, areaId: null })
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(listAudit(ctxFor(db, who.actor))).rejects.toBeInstanceOf(ForbiddenError);
		}
		const audit = await listAudit(ctxFor(db, admin.actor), { entity: 'access_role_grant' });
		expect(audit.items.map((r) => r.action)).toEqual(['delete', 'create']);
	});

	it('pages the audit log newest first: no repeats, nothing skipped, a bad cursor refused', async () => {
		const ctx = ctxFor(db, admin.actor);
		const all = (await listAudit(ctx, { limit: 200 })).items.map((r) => r.id);
		expect(all.length).toBeGreaterThan(3);
		const first = await listAudit(ctx, { limit: 2 });
		const second = await listAudit(ctx, { limit: 2, cursor: first.nextCursor! });
		expect([...first.items, ...second.items].map((r) => r.id)).toEqual(all.slice(0, 4));
		const last = await listAudit(ctx, { limit: all.length });
		expect(last.nextCursor).toBeNull();
		await expect(listAudit(ctx, { cursor: 'nonsense' })).rejects.toBeInstanceOf(InvalidError);
	});
});
