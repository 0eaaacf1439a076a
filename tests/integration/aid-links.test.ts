import { describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import pg from 'pg';
import { freshDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import {
	createNeed,
	createNeedInput,
	createOffer,
	createOfferInput,
	completeLink,
	endLink,
	listLinks,
	listNeeds,
	ownLinks,
	proposeLink,
	respondToLink,
	sendProposals,
	suggestMatches
} from '../../src/lib/server/aid/index.ts';
import { registerPerson, registerPersonInput } from '../../src/lib/server/people/index.ts';
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from '../../src/lib/server/core/errors.ts';
import { aidCertificate, aidLink, aidNeed, aidOffer } from '../../src/lib/server/aid/schema.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { peoplePerson } from '../../src/lib/server/people/schema.ts';
import { connect } from '../../src/lib/server/db/client.ts';

const database = await freshDatabase();
const { db } = database;
const org = await makeOrganisation(db);
const area = await makeArea(db);
const otherOrg = await makeOrganisation(db);
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const facilitator2 = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const stranger = await makeActor(db, 'facilitator', { organisationId: otherOrg.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: area.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
const volunteer2 = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
const f = ctxFor(db, facilitator.actor);

const TUESDAY_MORNING = [{ day: 1, start: 540, end: 720 }];

async function walkIn(firstName: string) {
	return registerPerson(
		f,
		registerPersonInput.parse({
			firstName,
			phone: '+32 470 11 22 33',
			organisationId: org.id,
			areaId: area.id,
			contactConsent: 'on',
			languages: 'bg,nl',
			ageGroup: '65_plus'
		})
	);
}

async function need(personId: string, over: Record<string, unknown> = {}, ctx = f) {
	return createNeed(
		ctx,
		createNeedInput.parse({ personId, category: 'errands', title: 'Shopping on Tuesday', areaId: area.id, windows: TUESDAY_MORNING, ...over })
	);
}

async function offer(ctx: ReturnType<typeof ctxFor>, personId: string, over: Record<string, unknown> = {}) {
	return createOffer(
		ctx,
		createOfferInput.parse({
			personId,
			category: 'errands',
			title: 'I do errands',
			areaId: area.id,
			windows: TUESDAY_MORNING,
			capacity: 1,
			languages: ['bg'],
			...over
		})
	);
}

const count_ = async (t: typeof aidLink | typeof coreAudit | typeof aidNeed) => ((await db.select({ n: count() }).from(t)) as [{ n: number }])[0].n;

describe('a brokered link, from a walk-in to the help that took place', () => {
	it('runs proposed → accepted → took place → closed, with privacy until both said yes', async () => {
		const senior = await walkIn('Georgi');
		const n = await need(senior.id);
		expect(n.assisted).toBe(true);
		const [assistedRow] = await db
			.select()
			.from(coreAudit)
			.where(and(eq(coreAudit.entity, 'aid_need'), eq(coreAudit.entityId, n.id)));
		expect(assistedRow!.onBehalfOfPersonId).toBe(senior.id);

		const o = await offer(ctxFor(db, volunteer.actor), volunteer.person.id);
		const { candidates } = await suggestMatches(f, { needId: n.id });
		expect(candidates[0]!.offerId).toBe(o.id);
		expect(candidates[0]!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['language', 'time', 'same_area']));

		const link = await proposeLink(f, { needId: n.id, offerId: o.id });
		// The walk-in has no account: the facilitator said yes for them; the volunteer still has to.
		expect(link.status).toBe('proposed');
		expect(link.needAcceptedAt).not.toBeNull();
		expect(link.offerAcceptedAt).toBeNull();
		const [assistedYes] = await db
			.select()
			.from(coreAudit)
			.where(and(eq(coreAudit.entity, 'aid_link'), eq(coreAudit.entityId, link.id), eq(coreAudit.action, 'update')));
		expect(assistedYes).toMatchObject({ onBehalfOfPersonId: senior.id, details: { assistedAccept: 'need' } });

		const v = ctxFor(db, volunteer.actor);
		const [before] = (await ownLinks(v)).items;
		expect(before!.other.firstName).toBe('Georgi');
		expect(before!.other.contact).toBeNull();
		expect(JSON.stringify(before)).not.toContain('470 11 22 33');

		const accepted = await respondToLink(v, { linkId: link.id, answer: 'accept' });
		expect(accepted.status).toBe('accepted');
		const [after] = (await ownLinks(v)).items;
		expect(after!.other.contact?.phone).toBe('+32 470 11 22 33');
		const [offerRow] = await db.select().from(aidOffer).where(eq(aidOffer.id, o.id));
		expect(offerRow!.activeLinks).toBe(1);
		expect((await db.select().from(aidNeed).where(eq(aidNeed.id, n.id)))[0]!.status).toBe('matched');

		// Accepting twice is harmless: same state, no second place taken.
		await respondToLink(v, { linkId: link.id, answer: 'accept' });
		expect((await db.select().from(aidOffer).where(eq(aidOffer.id, o.id)))[0]!.activeLinks).toBe(1);

		const done = await completeLink(v, { linkId: link.id });
		expect(done.status).toBe('took_place');
		const closed = await endLink(f, { linkId: link.id, to: 'closed' });
		expect(closed.status).toBe('closed');
		expect((await db.select().from(aidOffer).where(eq(aidOffer.id, o.id)))[0]!.activeLinks).toBe(0);
		expect((await db.select().from(aidNeed).where(eq(aidNeed.id, n.id)))[0]!.status).toBe('closed');

		// A closed link cannot be answered again.
		await expect(respondToLink(v, { linkId: link.id, answer: 'decline' })).rejects.toBeInstanceOf(ConflictError);
	});

	it('lets a resident with an account accept for themselves, and keeps contact hidden after a decline', async () => {
		const n = await need(resident.person.id, {}, ctxFor(db, resident.actor));
		expect(n.assisted).toBe(false);
		const o = await offer(ctxFor(db, volunteer2.actor), volunteer2.person.id);
		const link = await proposeLink(f, { needId: n.id, offerId: o.id });
		expect(link.needAcceptedAt).toBeNull();
		await respondToLink(ctxFor(db, volunteer2.actor), { linkId: link.id, answer: 'accept' });
		const [view] = (await ownLinks(ctxFor(db, resident.actor))).items;
		expect(view!.other.contact).toBeNull();
		const declined = await respondToLink(ctxFor(db, resident.actor), { linkId: link.id, answer: 'decline', reason: 'found someone' });
		expect(declined.status).toBe('declined');
		const [again] = (await ownLinks(ctxFor(db, volunteer2.actor))).items;
		expect(again!.other.contact).toBeNull();
		expect((await db.select().from(aidNeed).where(eq(aidNeed.id, n.id)))[0]!.status).toBe('open');
	});
});

describe('distance before both said yes', () => {
	it('is a 500 m band until both accepted, the exact figure after', async () => {
		const helper = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
		const senior = await walkIn('Dimitar');
		const n = await need(senior.id, { point: { lat: 51.06, lon: 3.72 }, category: 'gardening', title: 'Garden' });
		// ~330 m north of the need.
		const o = await offer(ctxFor(db, helper.actor), helper.person.id, {
			point: { lat: 51.063, lon: 3.72 },
			category: 'gardening',
			title: 'Gardening'
		});
		const link = await proposeLink(f, { needId: n.id, offerId: o.id });
		const h = ctxFor(db, helper.actor);
		const metres = async () => {
			const [view] = (await ownLinks(h)).items.filter((l) => l.id === link.id);
			return (view!.reasons as Array<{ code: string; metres?: number }>).find((r) => r.code === 'distance')?.metres;
		};
		expect(await metres()).toBe(500);
		await respondToLink(h, { linkId: link.id, answer: 'accept' });
		const exact = await metres();
		expect(exact).toBeGreaterThan(300);
		expect(exact).toBeLessThan(360);
	});
});

describe('acting for someone', () => {
	it('keeps a resident to the neighbourhoods they were welcomed in', async () => {
		const elsewhere = await makeArea(db);
		const before = await count_(aidNeed);
		const r = ctxFor(db, resident.actor);
		const err = await need(resident.person.id, { areaId: elsewhere.id }, r).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(InvalidError);
		expect((err as InvalidError).fields).toEqual({ areaId: 'error_choice' });
		expect(await count_(aidNeed)).toBe(before);
		expect((await need(resident.person.id, {}, r)).assisted).toBe(false);
	});

	it('lets staff act only for people of their organisation: registered there, or given a role there', async () => {
		const before = await count_(aidNeed);
		// Signed up alone, no role anywhere: nobody's to speak for.
		const lone = await makeActor(db, null);
		await db.update(peoplePerson).set({ organisationId: null }).where(eq(peoplePerson.id, lone.person.id));
		await expect(need(lone.person.id)).rejects.toBeInstanceOf(NotFoundError);
		// Signed up alone, then made a volunteer by this organisation: its facilitator may; another's may not.
		const welcomed = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
		await db.update(peoplePerson).set({ organisationId: null }).where(eq(peoplePerson.id, welcomed.person.id));
		await expect(need(welcomed.person.id, {}, ctxFor(db, stranger.actor))).rejects.toBeInstanceOf(NotFoundError);
		expect(await count_(aidNeed)).toBe(before);
		const n = await need(welcomed.person.id);
		expect(n).toMatchObject({ organisationId: org.id, assisted: true });
	});
});

describe('refusals change nothing', () => {
	it('refuses answering somebody else’s link, and a stranger proposing', async () => {
		const senior = await walkIn('Maria');
		const n = await need(senior.id);
		const o = await offer(ctxFor(db, volunteer.actor), volunteer.person.id, { capacity: 2 });
		const link = await proposeLink(f, { needId: n.id, offerId: o.id });
		const audits = await count_(coreAudit);
		// Someone else's link, another organisation's need: the same answer as an unknown id (no hint it exists).
		await expect(respondToLink(ctxFor(db, resident.actor), { linkId: link.id, answer: 'accept' })).rejects.toBeInstanceOf(NotFoundError);
		await expect(respondToLink(ctxFor(db, stranger.actor), { linkId: link.id, answer: 'accept', side: 'offer' })).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(proposeLink(ctxFor(db, stranger.actor), { needId: n.id, offerId: o.id })).rejects.toBeInstanceOf(NotFoundError);
		// The wrong role is refused as such, on every verb of a link alike.
		const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id });
		const outreach = await makeActor(db, 'outreach', { organisationId: org.id, areaId: area.id });
		const readOnly = { ...facilitator.actor, via: 'token' as const, tokenScopes: ['read'] };
		for (const actor of [coordinator.actor, outreach.actor, readOnly]) {
			await expect(respondToLink(ctxFor(db, actor), { linkId: link.id, answer: 'accept', side: 'offer' })).rejects.toBeInstanceOf(ForbiddenError);
			await expect(completeLink(ctxFor(db, actor), { linkId: link.id })).rejects.toBeInstanceOf(ForbiddenError);
			await expect(endLink(ctxFor(db, actor), { linkId: link.id, to: 'cancelled', reason: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
		}
		await expect(proposeLink(ctxFor(db, volunteer.actor), { needId: n.id, offerId: o.id })).rejects.toBeInstanceOf(ForbiddenError);
		// A facilitator may not answer for a side that has an account of its own.
		await expect(respondToLink(f, { linkId: link.id, answer: 'accept', side: 'offer' })).rejects.toBeInstanceOf(ConflictError);
		await expect(proposeLink(f, { needId: n.id, offerId: o.id })).rejects.toBeInstanceOf(ConflictError);
		expect(await count_(coreAudit)).toBe(audits);
		const [row] = await db.select().from(aidLink).where(eq(aidLink.id, link.id));
		expect(row!.offerAcceptedAt).toBeNull();
		await expect(respondToLink(f, { linkId: '00000000-0000-4000-8000-000000000000', answer: 'accept' })).rejects.toBeInstanceOf(NotFoundError);
	});

	it('keeps the queue and suggestions to the facilitator’s organisation', async () => {
		const senior = await walkIn('Hidden');
		const n = await need(senior.id);
		expect((await listNeeds(f)).items.some((x) => x.id === n.id)).toBe(true);
		expect((await listNeeds(ctxFor(db, stranger.actor))).items.some((x) => x.id === n.id)).toBe(false);
		await expect(suggestMatches(ctxFor(db, stranger.actor), { needId: n.id })).rejects.toBeInstanceOf(NotFoundError);
		await expect(listNeeds(ctxFor(db, resident.actor))).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('sending a weekly proposal', () => {
	it('sends the pairs that still fit, says which did not, and refuses the whole send when one need is out of scope', async () => {
		const [a, b, c] = [await walkIn('Wa'), await walkIn('Wb'), await walkIn('Wc')];
		const [na, nb, nc] = [await need(a.id), await need(b.id), await need(c.id)];
		const o = await offer(ctxFor(db, volunteer2.actor), volunteer2.person.id, { capacity: 1 });
		// A need of another organisation in the list: nothing at all is sent, and it answers as unknown.
		const elsewhere = await makeActor(db, 'facilitator', { organisationId: otherOrg.id, areaId: area.id });
		const theirs = await registerPerson(
			ctxFor(db, elsewhere.actor),
			registerPersonInput.parse({ firstName: 'Theirs', organisationId: otherOrg.id, areaId: area.id, contactConsent: 'on' })
		);
		const nt = await need(theirs.id, {}, ctxFor(db, elsewhere.actor));
		const links = await count_(aidLink);
		await expect(
			sendProposals(f, {
				pairs: [
					{ needId: na.id, offerId: o.id },
					{ needId: nt.id, offerId: o.id }
				]
			})
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(sendProposals(ctxFor(db, resident.actor), { pairs: [{ needId: na.id, offerId: o.id }] })).rejects.toBeInstanceOf(ForbiddenError);
		expect(await count_(aidLink)).toBe(links);
		// The volunteer has one place: proposals do not hold it, so all three go out; proposing the same pair again is refused.
		const first = await sendProposals(f, {
			pairs: [
				{ needId: na.id, offerId: o.id },
				{ needId: nb.id, offerId: o.id }
			]
		});
		expect(first).toEqual({ sent: 2, failed: [] });
		const second = await sendProposals(f, {
			pairs: [
				{ needId: na.id, offerId: o.id },
				{ needId: nc.id, offerId: o.id }
			]
		});
		expect(second).toEqual({ sent: 1, failed: ['aid_error_already_proposed'] });
		expect(await count_(aidLink)).toBe(links + 3);
	});
});

describe('safeguarding', () => {
	it('only suggests and links volunteers with a valid certificate for help at home or with children', async () => {
		const senior = await walkIn('Anna');
		const n = await need(senior.id, { category: 'childcare', safeguarded: true });
		const noCert = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
		const withCert = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
		const expired = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
		const o1 = await offer(ctxFor(db, noCert.actor), noCert.person.id, { category: 'childcare' });
		const o2 = await offer(ctxFor(db, withCert.actor), withCert.person.id, { category: 'childcare' });
		const o3 = await offer(ctxFor(db, expired.actor), expired.person.id, { category: 'childcare' });
		await db.insert(aidCertificate).values([
			{ personId: withCert.person.id, checkedOn: '2026-01-10', validUntil: '2099-01-10' },
			{ personId: expired.person.id, checkedOn: '2020-01-10', validUntil: '2021-01-10' }
		]);
		const ids = (await suggestMatches(f, { needId: n.id })).candidates.map((c) => c.offerId);
		expect(ids).toEqual([o2.id]);
		await expect(proposeLink(f, { needId: n.id, offerId: o1.id })).rejects.toBeInstanceOf(ConflictError);
		await expect(proposeLink(f, { needId: n.id, offerId: o3.id })).rejects.toBeInstanceOf(ConflictError);
		expect((await listLinks(f, { needId: n.id })).items.length).toBe(0);
	});
});

describe('no overbooking', () => {
	it('lets only one of two simultaneous acceptances take a volunteer’s last place', async () => {
		// A volunteer without an account (registered by the house), capacity 1, proposed for two needs:
		// the two walk-ins' sides are accepted by the facilitator, the volunteer's side by two facilitators at once.
		const vol = await registerPerson(
			f,
			registerPersonInput.parse({ firstName: 'Vera', organisationId: org.id, areaId: area.id, contactConsent: 'on' })
		);
		const o = await offer(f, vol.id, { capacity: 1 });
		const a = await walkIn('A');
		const b = await walkIn('B');
		// Volunteers without an account are accepted at proposal: create the links as proposed by hand,
		// with only the need side said yes, so the race is between two acceptances of the offer side.
		const [na, nb] = [await need(a.id), await need(b.id)];
		const [la, lb] = await db
			.insert(aidLink)
			.values([
				{ needId: na.id, organisationId: na.organisationId, areaId: na.areaId, offerId: o.id, needAcceptedAt: new Date() },
				{ needId: nb.id, organisationId: nb.organisationId, areaId: nb.areaId, offerId: o.id, needAcceptedAt: new Date() }
			])
			.returning();
		// Two separate connection pools: two facilitators on two servers.
		const second = connect(database.url, 2);
		try {
			const results = await Promise.allSettled([
				respondToLink(f, { linkId: la!.id, answer: 'accept', side: 'offer' }),
				respondToLink(ctxFor(second.db, facilitator2.actor), { linkId: lb!.id, answer: 'accept', side: 'offer' })
			]);
			const ok = results.filter((r) => r.status === 'fulfilled');
			const refused = results.filter((r) => r.status === 'rejected');
			expect(ok.length).toBe(1);
			expect(refused.length).toBe(1);
			expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
		} finally {
			await second.close();
		}
		const [row] = await db.select().from(aidOffer).where(eq(aidOffer.id, o.id));
		expect(row!.activeLinks).toBe(1);
		const statuses = (await db.select({ s: aidLink.status }).from(aidLink).where(eq(aidLink.offerId, o.id))).map((r) => r.s).sort();
		expect(statuses).toEqual(['accepted', 'proposed']);
	});

	it('is guaranteed by the database itself, whatever the code does', async () => {
		const vol = await registerPerson(f, registerPersonInput.parse({ firstName: 'Wim', organisationId: org.id, areaId: area.id }));
		const o = await offer(f, vol.id, { capacity: 1 });
		const client = new pg.Client({ connectionString: database.url });
		await client.connect();
		try {
			await expect(client.query('update aid_offer set active_links = 2 where id = $1', [o.id])).rejects.toThrow(/aid_offer_no_overbooking/);
		} finally {
			await client.end();
		}
	});
});

describe('people facts', () => {
	it('keeps origin only with consent for the intercultural figures', async () => {
		const p = await registerPerson(f, registerPersonInput.parse({ firstName: 'O', organisationId: org.id, areaId: area.id, originGroup: 'eu' }));
		const q = await registerPerson(
			f,
			registerPersonInput.parse({ firstName: 'P', organisationId: org.id, areaId: area.id, originGroup: 'eu', interculturalConsent: 'on' })
		);
		const rows = await db
			.select({ id: peoplePerson.id, origin: peoplePerson.originGroup })
			.from(peoplePerson)
			.where(eq(peoplePerson.organisationId, org.id));
		expect(rows.find((r) => r.id === p.id)!.origin).toBeNull();
		expect(rows.find((r) => r.id === q.id)!.origin).toBe('eu');
	});
});
