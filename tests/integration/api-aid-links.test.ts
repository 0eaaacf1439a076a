import { describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { apiCall, type ApiCall } from '../factories/api.ts';
import {
	countStalledLinks,
	createNeed,
	createNeedInput,
	createOffer,
	createOfferInput,
	proposeLink,
	respondToLink
} from '../../src/lib/server/aid/index.ts';
import { registerPerson, registerPersonInput } from '../../src/lib/server/people/index.ts';
import { anonymous, type Actor } from '../../src/lib/server/core/context.ts';
import { addYears, todayInBelgium } from '../../src/lib/server/core/time.ts';
import { ForbiddenError } from '../../src/lib/server/core/errors.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { aidCertificate, aidFeedback, aidLink } from '../../src/lib/server/aid/schema.ts';
import { mailOutbox } from '../../src/lib/server/mail/schema.ts';
import { peoplePerson } from '../../src/lib/server/people/schema.ts';

// The link, "My help" and certificate operations of /api/v1, called through the one dispatcher: the
// same verbs as the pages, so the same people may do the same things, and nothing else.

const { db } = await freshAppDatabase();

const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const area = await makeArea(db, 'Rabot');
const otherArea = await makeArea(db, 'Sluizeken');
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id });
const outreach = await makeActor(db, 'outreach', { organisationId: org.id, areaId: area.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: area.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
const stranger = await makeActor(db, 'facilitator', { organisationId: otherOrg.id });
const nobody = { actor: anonymous };
/** The facilitator through a token that may only read. */
const readOnly = { actor: { ...facilitator.actor, via: 'token', tokenScopes: ['read'] } as Actor };
const f = ctxFor(db, facilitator.actor);

const TUESDAY = [{ day: 1, start: 540, end: 720 }];
const PHONE = '+32 470 11 22 33';
const VOLUNTEER_PHONE = '+32 499 55 44 33';
await db.update(peoplePerson).set({ phone: VOLUNTEER_PHONE }).where(eq(peoplePerson.id, volunteer.person.id));

const walkIn = (firstName: string) =>
	registerPerson(
		f,
		registerPersonInput.parse({
			firstName,
			lastName: 'Petrov',
			phone: PHONE,
			organisationId: org.id,
			areaId: area.id,
			contactConsent: 'on',
			languages: 'bg,nl'
		})
	);
const need = (ctx: typeof f, personId: string, title = 'Shopping on Tuesday') =>
	createNeed(ctx, createNeedInput.parse({ personId, category: 'errands', title, areaId: area.id, windows: TUESDAY }));

const georgi = await walkIn('Georgi');
const offer = await createOffer(
	ctxFor(db, volunteer.actor),
	createOfferInput.parse({
		personId: volunteer.person.id,
		category: 'errands',
		title: 'I do errands',
		areaId: area.id,
		windows: TUESDAY,
		capacity: 5,
		languages: ['bg']
	})
);
// L1: a walk-in (the facilitator said yes for him) and the volunteer, who has not answered yet.
const l1 = await proposeLink(f, { needId: (await need(f, georgi.id)).id, offerId: offer.id });
// L2: the resident's own need and the volunteer: both have an account, neither answered.
const residentNeed = await need(ctxFor(db, resident.actor), resident.person.id, 'Help with my shopping');
const l2 = await proposeLink(f, { needId: residentNeed.id, offerId: offer.id });
// L3: another walk-in, to be cancelled.
const l3 = await proposeLink(f, { needId: (await need(f, (await walkIn('Mila')).id)).id, offerId: offer.id });

// A person whose good-conduct certificate is checked.
const other = await registerPerson(
	f,
	registerPersonInput.parse({ firstName: 'Bart', organisationId: org.id, areaId: area.id, contactConsent: 'on' })
);
const today = todayInBelgium();

type Who = { actor: Actor };

/** Calls /api/v1 for `who`; every refusal is problem+json. */
async function call(who: Who, c: ApiCall) {
	const res = await apiCall(who.actor, c);
	if (res.status >= 400) expect(res.headers.get('content-type'), `${c.method ?? 'GET'} ${c.path} ${res.status}`).toBe('application/problem+json');
	return res;
}

const total = async (t: typeof aidFeedback | typeof aidCertificate | typeof coreAudit | typeof mailOutbox) =>
	((await db.select({ n: count() }).from(t)) as [{ n: number }])[0].n;
/** Everything these operations may change. */
const snapshot = async () => ({
	audit: await total(coreAudit),
	links: await db
		.select({
			id: aidLink.id,
			status: aidLink.status,
			changedAt: aidLink.changedAt,
			nudgedAt: aidLink.nudgedAt,
			reason: aidLink.reason,
			needAcceptedAt: aidLink.needAcceptedAt,
			offerAcceptedAt: aidLink.offerAcceptedAt
		})
		.from(aidLink)
		.orderBy(aidLink.id),
	feedback: await total(aidFeedback),
	certificates: await total(aidCertificate),
	mail: await total(mailOutbox)
});
const statuses = async (list: Array<[Who, ApiCall]>) => {
	const out: number[] = [];
	for (const [who, c] of list) out.push((await call(who, c)).status);
	return out;
};
const UNKNOWN = '3f0c9b7e-0000-4000-8000-000000000000';
type Item = { id: string };
const ids = (body: Record<string, unknown>, key = 'items') => (body[key] as Item[]).map((l) => l.id);

describe('GET /aid/me (listMyAid)', () => {
	it('gives a volunteer their offers and links, the other side only a first name and neighbourhood before both accepted', async () => {
		const res = await call(volunteer, { path: '/aid/me' });
		expect(res.status).toBe(200);
		expect(ids(res.body, 'offers')).toEqual([offer.id]);
		expect(ids(res.body, 'links').sort()).toEqual([l1.id, l2.id, l3.id].sort());
		expect(res.body.nextCursor).toBeNull();
		const mine = res.body.links as Array<{ id: string; side: string; other: { firstName: string; areaName: string; contact: unknown } }>;
		expect(mine.find((l) => l.id === l1.id)).toMatchObject({ side: 'offer', other: { firstName: 'Georgi', areaName: 'Rabot', contact: null } });
		for (const secret of [PHONE, 'Petrov']) expect(res.text).not.toContain(secret);
	});

	it('gives a resident their own needs; the volunteer’s contact details stay hidden', async () => {
		const res = await call(resident, { path: '/aid/me' });
		expect(res.status).toBe(200);
		expect(ids(res.body, 'needs')).toEqual([residentNeed.id]);
		expect(res.body.links).toEqual([
			expect.objectContaining({ id: l2.id, side: 'need', iAccepted: false, other: expect.objectContaining({ contact: null }) })
		]);
		for (const secret of [VOLUNTEER_PHONE, volunteer.email]) expect(res.text).not.toContain(secret);
	});

	it('shows the contact details once both sides said yes', async () => {
		await respondToLink(ctxFor(db, volunteer.actor), { linkId: l1.id, answer: 'accept' });
		const res = await call(volunteer, { path: '/aid/me' });
		const links = res.body.links as Array<{ id: string; other: { contact: Record<string, unknown> | null } }>;
		expect(links.find((l) => l.id === l1.id)!.other.contact).toMatchObject({ lastName: 'Petrov', phone: PHONE });
		// The other links are still waiting: still nothing of them.
		expect(links.filter((l) => l.id !== l1.id).every((l) => l.other.contact === null)).toBe(true);
	});

	it('pages the links: no repeats, the last page says so, a cursor not of this list is a 422', async () => {
		const first = await call(volunteer, { path: '/aid/me?limit=2' });
		expect(first.status).toBe(200);
		expect(ids(first.body, 'links')).toHaveLength(2);
		const second = await call(volunteer, { path: `/aid/me?limit=2&cursor=${first.body.nextCursor as string}` });
		expect(ids(second.body, 'links')).toHaveLength(1);
		expect(second.body.nextCursor).toBeNull();
		expect([...ids(first.body, 'links'), ...ids(second.body, 'links')].sort()).toEqual([l1.id, l2.id, l3.id].sort());
		const bad = await call(volunteer, { path: '/aid/me?cursor=nonsense' });
		expect(bad.status).toBe(422);
		expect(Object.keys(bad.body.errors as object)).toEqual(['cursor']);
		expect((await call(volunteer, { path: '/aid/me?limit=0' })).status).toBe(422);
	});

	it('refuses staff (403) and nobody (401), changing nothing', async () => {
		const before = await snapshot();
		expect(
			await statuses([
				[facilitator, { path: '/aid/me' }],
				[coordinator, { path: '/aid/me' }],
				[nobody, { path: '/aid/me' }]
			])
		).toEqual([403, 403, 401]);
		expect(await snapshot()).toEqual(before);
	});
});

describe('GET /aid/links (listLinks) and GET /aid/links/{id} (getLink)', () => {
	it('lists the links in the staff member’s scope, first names only; stalled=true keeps the quiet ones', async () => {
		const res = await call(facilitator, { path: '/aid/links' });
		expect(res.status).toBe(200);
		expect(ids(res.body).sort()).toEqual([l1.id, l2.id, l3.id].sort());
		expect(res.body.nextCursor).toBeNull();
		const rows = res.body.items as Array<Record<string, unknown>>;
		expect(rows.find((l) => l.id === l1.id)).toMatchObject({ needFirstName: 'Georgi', needAccepted: true, offerAccepted: true, status: 'accepted' });
		for (const secret of [PHONE, 'Petrov', VOLUNTEER_PHONE]) expect(res.text).not.toContain(secret);

		await db
			.update(aidLink)
			.set({ changedAt: sql`now() - interval '20 days'` })
			.where(eq(aidLink.id, l2.id));
		const stalled = await call(facilitator, { path: '/aid/links?stalled=true' });
		expect(ids(stalled.body)).toEqual([l2.id]);
		expect(ids((await call(facilitator, { path: '/aid/links?stalled=false' })).body)).toHaveLength(3);
		// The queue's reminder counts the same links, in the same scope.
		expect(await countStalledLinks(ctxFor(db, facilitator.actor))).toBe(1);
		expect(await countStalledLinks(ctxFor(db, facilitator.actor), { areaId: otherArea.id })).toBe(0);
		expect(await countStalledLinks(ctxFor(db, stranger.actor))).toBe(0);
		await expect(countStalledLinks(ctxFor(db, resident.actor))).rejects.toBeInstanceOf(ForbiddenError);
		expect((await call(facilitator, { path: `/aid/links?areaId=${otherArea.id}` })).body).toEqual({ items: [], nextCursor: null });
		expect((await call(stranger, { path: '/aid/links' })).body).toEqual({ items: [], nextCursor: null });
	});

	it('pages newest change first (and stalled ones oldest first): no repeats, the last page says so', async () => {
		const seen: string[] = [];
		let cursor: string | null = null;
		let pages = 0;
		do {
			const res = await call(facilitator, { path: `/aid/links?limit=2${cursor ? `&cursor=${cursor}` : ''}` });
			expect(res.status).toBe(200);
			seen.push(...ids(res.body));
			cursor = res.body.nextCursor as string | null;
			pages++;
		} while (cursor && pages < 5);
		expect(pages).toBe(2);
		expect(seen).toHaveLength(3);
		expect(new Set(seen).size).toBe(3);
		// The full list in one page has the same order.
		expect(ids((await call(facilitator, { path: '/aid/links' })).body)).toEqual(seen);
		const stalledPage = await call(facilitator, { path: '/aid/links?stalled=true&limit=1' });
		expect(ids(stalledPage.body)).toEqual([l2.id]);
		expect(stalledPage.body.nextCursor).toBeNull();
	});

	it('refuses residents and volunteers (403), nobody (401) and a bad query (422 with the field)', async () => {
		const before = await snapshot();
		const path = '/aid/links';
		expect(
			await statuses([
				[volunteer, { path }],
				[resident, { path }],
				[nobody, { path }]
			])
		).toEqual([403, 403, 401]);
		for (const [query, field] of [
			['areaId=nonsense', 'areaId'],
			['areaId=', 'areaId'],
			['stalled=1', 'stalled'],
			['stalled=yes', 'stalled'],
			['limit=0', 'limit'],
			['limit=201', 'limit'],
			['cursor=nonsense', 'cursor']
		] as const) {
			const res = await call(facilitator, { path: `${path}?${query}` });
			expect(res.status, query).toBe(422);
			expect(Object.keys(res.body.errors as object), query).toEqual([field]);
		}
		expect(await snapshot()).toEqual(before);
	});

	it('gives one link to the staff where its need is; elsewhere, unknown or malformed it is a 404', async () => {
		const res = await call(facilitator, { path: `/aid/links/${l1.id}` });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ id: l1.id, needFirstName: 'Georgi', offerFirstName: volunteer.person.firstName, areaName: 'Rabot' });
		expect(res.text).not.toContain(PHONE);
		expect((await call(coordinator, { path: `/aid/links/${l1.id}` })).status).toBe(200);
		expect(
			await statuses([
				[stranger, { path: `/aid/links/${l1.id}` }],
				[facilitator, { path: `/aid/links/${UNKNOWN}` }],
				[facilitator, { path: '/aid/links/nonsense' }],
				[volunteer, { path: `/aid/links/${l1.id}` }],
				[nobody, { path: `/aid/links/${l1.id}` }]
			])
		).toEqual([404, 404, 404, 403, 401]);
	});
});

describe('POST /aid/links (proposeLink)', () => {
	it('proposes (201) with where the link is; a walk-in side is accepted by the facilitator', async () => {
		const n = await need(f, (await walkIn('Nadia')).id);
		const res = await call(facilitator, { method: 'POST', path: '/aid/links', body: { needId: n.id, offerId: offer.id } });
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({ needId: n.id, offerId: offer.id, status: 'proposed', needAccepted: true, offerAccepted: false });
		expect(res.headers.get('location')).toBe(`/api/v1/aid/links/${res.body.id as string}`);
		const there = await call(facilitator, { path: res.headers.get('location')!.slice('/api/v1'.length) });
		expect(there.body).toMatchObject({ id: res.body.id, needFirstName: 'Nadia' });
	});

	it('refuses the wrong role, another organisation and bad input, and changes nothing', async () => {
		const n = await need(f, (await walkIn('Omar')).id);
		const before = await snapshot();
		const body = { needId: n.id, offerId: offer.id };
		const post = (b: unknown, type?: string): ApiCall => ({ method: 'POST', path: '/aid/links', body: b, type });
		expect(
			await statuses([
				[volunteer, post(body)],
				[coordinator, post(body)],
				[outreach, post(body)],
				[readOnly, post(body)],
				[nobody, post(body)],
				// Another organisation's facilitator: what an unknown need gets.
				[stranger, post(body)],
				[facilitator, post({ needId: UNKNOWN, offerId: offer.id })],
				[facilitator, post({ needId: n.id, offerId: UNKNOWN })]
			])
		).toEqual([403, 403, 403, 403, 401, 404, 404, 404]);
		const bad = await call(facilitator, post({ needId: 'nonsense', offerId: offer.id }));
		expect(bad.status).toBe(422);
		expect(Object.keys(bad.body.errors as object)).toEqual(['needId']);
		expect((await call(facilitator, post({ needId: n.id }))).status).toBe(422);
		expect((await call(facilitator, post('{not json'))).status).toBe(400);
		expect((await call(facilitator, post('needId=x', 'text/plain'))).status).toBe(415);
		// The same pair twice: refused with the rule.
		expect((await call(facilitator, post({ needId: residentNeed.id, offerId: offer.id }))).status).toBe(409);
		expect(await snapshot()).toEqual(before);
	});
});

describe('POST /aid/links/{id}/response (respondToLink)', () => {
	const post = (id: string, body: unknown): ApiCall => ({ method: 'POST', path: `/aid/links/${id}/response`, body });

	it('refuses bad input, the wrong role, someone else’s link and another organisation, and changes nothing', async () => {
		const before = await snapshot();
		const bad = await call(volunteer, post(l2.id, { answer: 'maybe' }));
		expect(bad.status).toBe(422);
		expect(Object.keys(bad.body.errors as object)).toEqual(['answer']);
		expect((await call(volunteer, post(l2.id, { answer: 'decline', reason: 'x'.repeat(301) }))).status).toBe(422);
		expect((await call(volunteer, post('nonsense', { answer: 'accept' }))).status).toBe(404);
		expect((await call(volunteer, post(UNKNOWN, { answer: 'accept' }))).status).toBe(404);
		expect(
			await statuses([
				[coordinator, post(l2.id, { answer: 'accept' })],
				[readOnly, post(l2.id, { answer: 'accept', side: 'need' })],
				[nobody, post(l2.id, { answer: 'accept' })],
				[stranger, post(l2.id, { answer: 'accept', side: 'need' })],
				// A facilitator may not answer for a side with an account; without saying which side, not at all.
				[facilitator, post(l2.id, { answer: 'accept', side: 'need' })],
				[facilitator, post(l2.id, { answer: 'accept' })]
			])
		).toEqual([403, 403, 401, 404, 409, 403]);
		expect(await snapshot()).toEqual(before);
	});

	it('lets the side answer; the link in the path is the one answered', async () => {
		const res = await call(resident, post(l2.id, { answer: 'accept', linkId: l3.id }));
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ id: l2.id, status: 'proposed', needAccepted: true, offerAccepted: false });
	});
});

describe('POST /aid/links/{id}/complete (completeLink)', () => {
	const post = (id: string): ApiCall => ({ method: 'POST', path: `/aid/links/${id}/complete`, body: {} });

	it('refuses the wrong role, another organisation, an unknown or malformed link, and changes nothing', async () => {
		const before = await snapshot();
		expect(
			await statuses([
				[coordinator, post(l1.id)],
				[readOnly, post(l1.id)],
				[nobody, post(l1.id)],
				[stranger, post(l1.id)],
				[resident, post(l1.id)],
				[facilitator, post(UNKNOWN)],
				[facilitator, post('nonsense')],
				// Only once both said yes.
				[facilitator, post(l2.id)]
			])
		).toEqual([403, 403, 401, 404, 404, 404, 404, 409]);
		expect(await snapshot()).toEqual(before);
	});
});

describe('POST /aid/links/{id}/end (endLink)', () => {
	const post = (id: string, body: unknown, type?: string): ApiCall => ({ method: 'POST', path: `/aid/links/${id}/end`, body, type });

	it('refuses bad input with a 4xx and a field message, and changes nothing', async () => {
		const before = await snapshot();
		const noReason = await call(facilitator, post(l3.id, { to: 'cancelled' }));
		expect(noReason.status).toBe(422);
		expect(Object.keys(noReason.body.errors as object)).toEqual(['reason']);
		expect((noReason.body.errors as Record<string, string>).reason).not.toMatch(/^aid_error/);
		const badTo = await call(facilitator, post(l3.id, { to: 'deleted', reason: 'x' }));
		expect(badTo.status).toBe(422);
		expect(Object.keys(badTo.body.errors as object)).toEqual(['to']);
		expect((await call(facilitator, post(l3.id, { to: 'cancelled', reason: 'x'.repeat(301) }))).status).toBe(422);
		expect((await call(facilitator, post(l3.id, '{not json'))).status).toBe(400);
		expect((await call(facilitator, post(l3.id, 'to=closed', 'text/plain'))).status).toBe(415);
		expect((await call(facilitator, post('nonsense', { to: 'closed' }))).status).toBe(404);
		expect((await call(facilitator, post(UNKNOWN, { to: 'closed' }))).status).toBe(404);
		// Closing is only after the help took place.
		expect((await call(facilitator, post(l3.id, { to: 'closed' }))).status).toBe(409);
		expect(await snapshot()).toEqual(before);
	});

	it('refuses whoever is neither a side nor brokers there, and changes nothing', async () => {
		const before = await snapshot();
		const body = { to: 'cancelled', reason: 'Moved away' };
		expect(
			await statuses([
				[coordinator, post(l3.id, body)],
				[outreach, post(l3.id, body)],
				[stranger, post(l3.id, body)],
				[resident, post(l3.id, body)],
				[readOnly, post(l3.id, body)],
				[nobody, post(l3.id, body)]
			])
			// A facilitator of another organisation and a resident who is no side: what an unknown link gets.
		).toEqual([403, 403, 404, 404, 403, 401]);
		expect(await snapshot()).toEqual(before);
	});

	it('lets the facilitator cancel with a reason, and a side close after the help took place', async () => {
		const cancelled = await call(facilitator, post(l3.id, { to: 'cancelled', reason: 'Moved away', linkId: l1.id }));
		expect(cancelled.status).toBe(200);
		// The link is the one in the path, whatever the body says.
		expect(cancelled.body).toMatchObject({ id: l3.id, status: 'cancelled', reason: 'Moved away' });

		const done = await call(volunteer, { method: 'POST', path: `/aid/links/${l1.id}/complete`, body: {} });
		expect(done.body).toMatchObject({ id: l1.id, status: 'took_place' });
		const closed = await call(volunteer, post(l1.id, { to: 'closed' }));
		expect(closed.status).toBe(200);
		expect(closed.body).toMatchObject({ id: l1.id, status: 'closed', needAccepted: true, offerAccepted: true });
	});
});

describe('POST /aid/links/{id}/feedback (giveFeedback)', () => {
	const post = (id: string, body: unknown, type?: string): ApiCall => ({ method: 'POST', path: `/aid/links/${id}/feedback`, body, type });

	it('refuses bad input and the wrong people, and changes nothing', async () => {
		const before = await snapshot();
		for (const body of [{ rating: 5 }, { rating: 'good' }, {}, { rating: 3, comment: 'x'.repeat(301) }]) {
			const res = await call(volunteer, post(l1.id, body));
			expect(res.status, JSON.stringify(body)).toBe(422);
			expect(Object.keys(res.body.errors as object).length).toBeGreaterThan(0);
		}
		expect((await call(volunteer, post(l1.id, 'rating=3', 'text/plain'))).status).toBe(415);
		expect((await call(volunteer, post('nonsense', { rating: 3 }))).status).toBe(404);
		expect(
			await statuses([
				[facilitator, post(l1.id, { rating: 3 })],
				[stranger, post(l1.id, { rating: 3 })],
				[resident, post(l1.id, { rating: 3 })],
				[nobody, post(l1.id, { rating: 3 })]
			])
			// The resident is no side of this link: what an unknown link gets.
		).toEqual([403, 403, 404, 401]);
		// A side, but the help has not taken place yet.
		expect((await call(resident, post(l2.id, { rating: 3 }))).status).toBe(409);
		expect(await snapshot()).toEqual(before);
	});

	it('records a side’s feedback, and a second time replaces the first', async () => {
		const res = await call(volunteer, post(l1.id, { rating: 3, comment: 'Georgi was very kind' }));
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ linkId: l1.id, rating: 3, comment: 'Georgi was very kind' });
		expect((await call(volunteer, post(l1.id, { rating: 2 }))).body).toEqual({ linkId: l1.id, rating: 2, comment: null });
		const rows = await db.select().from(aidFeedback).where(eq(aidFeedback.linkId, l1.id));
		expect(rows.map((r) => [r.personId, r.rating])).toEqual([[volunteer.person.id, 2]]);
		const mine = (await call(volunteer, { path: '/aid/me' })).body.links as Array<{ id: string; myFeedback: number | null }>;
		expect(mine.find((l) => l.id === l1.id)!.myFeedback).toBe(2);
	});
});

describe('POST /aid/links/{id}/nudge (nudgeLink)', () => {
	const post = (id: string): ApiCall => ({ method: 'POST', path: `/aid/links/${id}/nudge`, body: {} });

	it('refuses everyone but the facilitators who broker there, and changes nothing', async () => {
		const before = await snapshot();
		expect(
			await statuses([
				[volunteer, post(l2.id)],
				[resident, post(l2.id)],
				[coordinator, post(l2.id)],
				[stranger, post(l2.id)],
				[readOnly, post(l2.id)],
				[nobody, post(l2.id)]
			])
			// The facilitator of another organisation: what an unknown link gets.
		).toEqual([403, 403, 403, 404, 403, 401]);
		expect((await call(facilitator, post('nonsense'))).status).toBe(404);
		expect((await call(facilitator, post(UNKNOWN))).status).toBe(404);
		// A link that ended has nobody left to remind.
		expect((await call(facilitator, post(l3.id))).status).toBe(409);
		expect(await snapshot()).toEqual(before);
	});

	it('nudges a stalled link: a change, a reminder to each side it waits for; once a day', async () => {
		const res = await call(facilitator, post(l2.id));
		expect(res.status).toBe(200);
		expect(res.body.link).toMatchObject({ id: l2.id, status: 'proposed' });
		// The resident said yes already: only the volunteer is waited for.
		expect((res.body.sides as Array<{ side: string; mailed: boolean }>).map((s) => [s.side, s.mailed])).toEqual([['offer', true]]);
		// A nudge counts as a change, but the link stays on the stalled list for the rest of the day, with when.
		const stalled = await call(facilitator, { path: '/aid/links?stalled=true' });
		expect((stalled.body.items as Array<{ id: string; nudgedAt: string | null }>).map((l) => [l.id, l.nudgedAt !== null])).toEqual([[l2.id, true]]);
		const before = await snapshot();
		expect((await call(facilitator, post(l2.id))).status).toBe(409);
		expect(await snapshot()).toEqual(before);
	});

	it('answers who was mailed, without contact details of a side without an account', async () => {
		const l = await proposeLink(f, { needId: (await need(f, (await walkIn('Olga')).id)).id, offerId: offer.id });
		await respondToLink(ctxFor(db, volunteer.actor), { linkId: l.id, answer: 'accept' });
		const res = await call(facilitator, post(l.id));
		expect(res.status).toBe(200);
		expect(res.body.sides).toEqual([
			{ side: 'need', firstName: 'Olga', mailed: false },
			{ side: 'offer', firstName: volunteer.person.firstName, mailed: true }
		]);
		expect(res.text).not.toContain(PHONE);
	});
});

describe('good-conduct certificates (recordCertificate, getCertificate, listCertificates)', () => {
	const post = (who: Who, body: unknown, id: string = other.id, type?: string) =>
		call(who, { method: 'POST', path: `/people/${id}/certificates`, body, type });

	it('answers 201 with the certificate and where it is', async () => {
		const validUntil = addYears(today, 2);
		const res = await post(facilitator, { checkedOn: today, validUntil });
		expect(res.status).toBe(201);
		expect(Object.keys(res.body).sort()).toEqual(['checkedOn', 'id', 'personId', 'validUntil']);
		expect(res.body).toMatchObject({ personId: other.id, checkedOn: today, validUntil });
		expect(res.headers.get('location')).toBe(`/api/v1/aid/certificates/${res.body.id as string}`);
		const one = await call(facilitator, { path: `/aid/certificates/${res.body.id as string}` });
		expect(one.status).toBe(200);
		expect(one.body).toEqual(res.body);
		expect(
			await statuses([
				[stranger, { path: `/aid/certificates/${res.body.id as string}` }],
				[facilitator, { path: `/aid/certificates/${UNKNOWN}` }],
				[facilitator, { path: '/aid/certificates/nonsense' }],
				[coordinator, { path: `/aid/certificates/${res.body.id as string}` }]
			])
		).toEqual([404, 404, 404, 403]);
	});

	it('answers 422 with field messages for bad dates, 403 for the wrong role, 404 out of scope, and writes nothing', async () => {
		const before = await snapshot();
		const bad = await post(facilitator, { checkedOn: today, validUntil: addYears(today, 6) });
		expect(bad.status).toBe(422);
		expect(bad.body.errors).toEqual({ validUntil: 'At most 5 years after the day it was checked.' });
		expect((await post(facilitator, { checkedOn: today })).status).toBe(422);
		expect((await post(facilitator, '{not json')).status).toBe(400);
		expect((await post(facilitator, { checkedOn: today, validUntil: addYears(today, 3) }, other.id, 'text/plain')).status).toBe(415);
		const valid = { checkedOn: today, validUntil: addYears(today, 3) };
		expect((await post(volunteer, valid)).status).toBe(403);
		expect((await post(coordinator, valid)).status).toBe(403);
		expect((await post(readOnly, valid)).status).toBe(403);
		expect((await post(nobody, valid)).status).toBe(401);
		expect((await post(stranger, valid)).status).toBe(404);
		expect((await post(facilitator, valid, 'nonsense')).status).toBe(404);
		expect((await post(facilitator, valid, UNKNOWN)).status).toBe(404);
		expect(await snapshot()).toEqual(before);
	});

	it('lists a person’s checks, latest first, in pages', async () => {
		await post(facilitator, { checkedOn: addYears(today, -1), validUntil: addYears(today, 1) });
		await post(facilitator, { checkedOn: addYears(today, -2), validUntil: addYears(today, 1) });
		const first = await call(facilitator, { path: `/people/${other.id}/certificates?limit=2` });
		expect(first.status).toBe(200);
		const second = await call(facilitator, { path: `/people/${other.id}/certificates?limit=2&cursor=${first.body.nextCursor as string}` });
		expect(second.body.nextCursor).toBeNull();
		const days = [...(first.body.items as Array<{ checkedOn: string }>), ...(second.body.items as Array<{ checkedOn: string }>)].map(
			(c) => c.checkedOn
		);
		expect(days).toEqual([today, addYears(today, -1), addYears(today, -2)]);
		expect((first.body.items as Array<{ checkedByName: string | null }>)[0]!.checkedByName).toBe(facilitator.actor.name);
		expect((await call(facilitator, { path: `/people/${other.id}/certificates?cursor=nonsense` })).status).toBe(422);
		expect(
			await statuses([
				[stranger, { path: `/people/${other.id}/certificates` }],
				[coordinator, { path: `/people/${other.id}/certificates` }],
				[nobody, { path: `/people/${other.id}/certificates` }]
			])
		).toEqual([404, 403, 401]);
	});
});
