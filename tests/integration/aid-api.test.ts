import { describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import {
	completeLink,
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
import { ForbiddenError } from '../../src/lib/server/core/errors.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { aidBoard, aidFeedback, aidLink, aidOfficeHour, aidVisit } from '../../src/lib/server/aid/schema.ts';
import { mailOutbox } from '../../src/lib/server/mail/schema.ts';
import { peoplePerson } from '../../src/lib/server/people/schema.ts';
import * as links from '../../src/routes/api/v1/aid/links/+server.ts';
import * as end from '../../src/routes/api/v1/aid/links/[id]/end/+server.ts';
import * as nudge from '../../src/routes/api/v1/aid/links/[id]/nudge/+server.ts';
import * as feedback from '../../src/routes/api/v1/aid/links/[id]/feedback/+server.ts';
import * as me from '../../src/routes/api/v1/aid/me/+server.ts';

// The /api/v1 operations that give the API what the aid pages can do, called as the router calls
// them: the same verbs as the pages, so the same people may do the same things, and nothing else.

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
// An open need without a link: the board shows it, never who asks.
await need(f, (await walkIn('Ivan')).id, 'Groceries for Ivan');

type Who = { actor: Actor };
type Call = { method?: string; path: string; params?: Record<string, string>; body?: unknown; type?: string };
type Handler = (event: never) => Response | Promise<Response>;

/** Calls a route handler as Kit would, for `who` (their token already resolved into the actor). */
async function call(handler: Handler | undefined, who: Who, { method = 'GET', path, params = {}, body, type = 'application/json' }: Call) {
	const u = new URL(`http://localhost/api/v1${path}`);
	const init: RequestInit = { method };
	if (body !== undefined) {
		init.headers = { 'content-type': type };
		init.body = typeof body === 'string' ? body : JSON.stringify(body);
	}
	const res = await handler!({ request: new Request(u, init), url: u, params, locals: { actor: who.actor, locale: 'en' } } as never);
	const text = await res.text();
	const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
	if (res.status >= 400) expect(res.headers.get('content-type'), `${method} ${path} ${res.status}`).toBe('application/problem+json');
	return { status: res.status, body: json, text };
}

const total = async (t: typeof aidLink | typeof aidFeedback | typeof aidOfficeHour | typeof aidVisit | typeof coreAudit | typeof mailOutbox) =>
	((await db.select({ n: count() }).from(t)) as [{ n: number }])[0].n;
/** Everything these operations may change. */
const snapshot = async () => ({
	audit: await total(coreAudit),
	links: await db
		.select({ id: aidLink.id, status: aidLink.status, changedAt: aidLink.changedAt, nudgedAt: aidLink.nudgedAt, reason: aidLink.reason })
		.from(aidLink)
		.orderBy(aidLink.id),
	feedback: await total(aidFeedback),
	hours: await total(aidOfficeHour),
	visits: await total(aidVisit),
	mail: await total(mailOutbox),
	boards: await db.select().from(aidBoard).orderBy(aidBoard.areaId, aidBoard.organisationId)
});
const statuses = async (list: Array<[Who, Call]>, handler: Handler | undefined) => {
	const out: number[] = [];
	for (const [who, c] of list) out.push((await call(handler, who, c)).status);
	return out;
};
const UNKNOWN = '3f0c9b7e-0000-4000-8000-000000000000';

describe('GET /aid/me (listMyAid)', () => {
	it('gives a volunteer their offers and links, the other side only a first name and neighbourhood before both accepted', async () => {
		const res = await call(me.GET, volunteer, { path: '/aid/me' });
		expect(res.status).toBe(200);
		expect((res.body.offers as Array<{ id: string }>).map((o) => o.id)).toEqual([offer.id]);
		const mine = res.body.links as Array<{ id: string; side: string; other: { firstName: string; areaName: string; contact: unknown } }>;
		expect(mine.map((l) => l.id).sort()).toEqual([l1.id, l2.id, l3.id].sort());
		const first = mine.find((l) => l.id === l1.id)!;
		expect(first).toMatchObject({ side: 'offer', other: { firstName: 'Georgi', areaName: 'Rabot', contact: null } });
		for (const secret of [PHONE, 'Petrov']) expect(res.text).not.toContain(secret);
	});

	it('gives a resident their own needs; the volunteer’s contact details stay hidden', async () => {
		const res = await call(me.GET, resident, { path: '/aid/me' });
		expect(res.status).toBe(200);
		expect((res.body.needs as Array<{ id: string }>).map((n) => n.id)).toEqual([residentNeed.id]);
		expect(res.body.links).toEqual([
			expect.objectContaining({ id: l2.id, side: 'need', iAccepted: false, other: expect.objectContaining({ contact: null }) })
		]);
		for (const secret of [VOLUNTEER_PHONE, volunteer.email]) expect(res.text).not.toContain(secret);
	});

	it('shows the contact details once both sides said yes', async () => {
		await respondToLink(ctxFor(db, volunteer.actor), { linkId: l1.id, answer: 'accept' });
		const res = await call(me.GET, volunteer, { path: '/aid/me' });
		const first = (res.body.links as Array<{ id: string; other: { contact: Record<string, unknown> | null } }>).find((l) => l.id === l1.id)!;
		expect(first.other.contact).toMatchObject({ lastName: 'Petrov', phone: PHONE });
		// The other links are still waiting: still nothing of them.
		expect(
			(res.body.links as Array<{ id: string; other: { contact: unknown } }>).filter((l) => l.id !== l1.id).every((l) => l.other.contact === null)
		).toBe(true);
	});

	it('refuses staff (403) and nobody (401), changing nothing', async () => {
		const before = await snapshot();
		expect(
			await statuses(
				[
					[facilitator, { path: '/aid/me' }],
					[coordinator, { path: '/aid/me' }],
					[nobody, { path: '/aid/me' }]
				],
				me.GET
			)
		).toEqual([403, 403, 401]);
		expect(await snapshot()).toEqual(before);
	});
});

describe('GET /aid/links (listLinks)', () => {
	it('lists the links in the staff member’s scope, first names only; stalled=1 keeps the quiet ones', async () => {
		const res = await call(links.GET, facilitator, { path: '/aid/links' });
		expect(res.status).toBe(200);
		const rows = res.body.links as Array<{ id: string; needFirstName: string; offerFirstName: string }>;
		expect(rows.map((l) => l.id).sort()).toEqual([l1.id, l2.id, l3.id].sort());
		expect(rows.find((l) => l.id === l1.id)).toMatchObject({ needFirstName: 'Georgi', needAccepted: true, offerAccepted: true, status: 'accepted' });
		for (const secret of [PHONE, 'Petrov', VOLUNTEER_PHONE]) expect(res.text).not.toContain(secret);

		await db
			.update(aidLink)
			.set({ changedAt: sql`now() - interval '20 days'` })
			.where(eq(aidLink.id, l2.id));
		const stalled = await call(links.GET, facilitator, { path: '/aid/links?stalled=1' });
		expect((stalled.body.links as Array<{ id: string }>).map((l) => l.id)).toEqual([l2.id]);
		// The queue's reminder counts the same links, in the same scope.
		expect(await countStalledLinks(ctxFor(db, facilitator.actor))).toBe(1);
		expect(await countStalledLinks(ctxFor(db, facilitator.actor), { areaId: otherArea.id })).toBe(0);
		expect(await countStalledLinks(ctxFor(db, stranger.actor))).toBe(0);
		await expect(countStalledLinks(ctxFor(db, resident.actor))).rejects.toBeInstanceOf(ForbiddenError);
		expect((await call(links.GET, facilitator, { path: `/aid/links?areaId=${otherArea.id}` })).body).toEqual({ links: [] });
		expect((await call(links.GET, stranger, { path: '/aid/links' })).body).toEqual({ links: [] });
	});

	it('refuses residents and volunteers (403), nobody (401) and a bad query (422, as a bad body)', async () => {
		const before = await snapshot();
		const path = '/aid/links';
		expect(
			await statuses(
				[
					[volunteer, { path }],
					[resident, { path }],
					[nobody, { path }],
					[facilitator, { path: '/aid/links?areaId=nonsense' }],
					[facilitator, { path: '/aid/links?stalled=yes' }],
					[facilitator, { path: '/aid/links?limit=0' }]
				],
				links.GET
			)
		).toEqual([403, 403, 401, 422, 422, 422]);
		expect(await snapshot()).toEqual(before);
	});
});

describe('POST /aid/links/{id}/end (endLink)', () => {
	const post = (id: string, body: unknown, type?: string): Call => ({ method: 'POST', path: `/aid/links/${id}/end`, params: { id }, body, type });

	it('refuses bad input with a 4xx and a field message, and changes nothing', async () => {
		const before = await snapshot();
		const noReason = await call(end.POST, facilitator, post(l3.id, { to: 'cancelled' }));
		expect(noReason.status).toBe(422);
		expect(Object.keys(noReason.body.errors as object)).toEqual(['reason']);
		expect((noReason.body.errors as Record<string, string>).reason).not.toMatch(/^aid_error/);
		const badTo = await call(end.POST, facilitator, post(l3.id, { to: 'deleted', reason: 'x' }));
		expect(badTo.status).toBe(422);
		expect(Object.keys(badTo.body.errors as object)).toEqual(['to']);
		expect((await call(end.POST, facilitator, post(l3.id, { to: 'cancelled', reason: 'x'.repeat(301) }))).status).toBe(422);
		expect((await call(end.POST, facilitator, post(l3.id, '{not json'))).status).toBe(400);
		expect((await call(end.POST, facilitator, post(l3.id, 'to=closed', 'text/plain'))).status).toBe(415);
		expect((await call(end.POST, facilitator, post('nonsense', { to: 'closed' }))).status).toBe(404);
		expect((await call(end.POST, facilitator, post(UNKNOWN, { to: 'closed' }))).status).toBe(404);
		// Closing is only after the help took place.
		expect((await call(end.POST, facilitator, post(l3.id, { to: 'closed' }))).status).toBe(409);
		expect(await snapshot()).toEqual(before);
	});

	it('refuses whoever is neither a side nor brokers there, and changes nothing', async () => {
		const before = await snapshot();
		const body = { to: 'cancelled', reason: 'Moved away' };
		expect(
			await statuses(
				[
					[coordinator, post(l3.id, body)],
					[outreach, post(l3.id, body)],
					[stranger, post(l3.id, body)],
					[resident, post(l3.id, body)],
					[readOnly, post(l3.id, body)],
					[nobody, post(l3.id, body)]
				],
				end.POST
			)
			// A facilitator of another organisation and a resident who is no side: what an unknown link gets.
		).toEqual([403, 403, 404, 404, 403, 401]);
		expect(await snapshot()).toEqual(before);
	});

	it('lets the facilitator cancel with a reason, and a side close after the help took place', async () => {
		const cancelled = await call(end.POST, facilitator, post(l3.id, { to: 'cancelled', reason: 'Moved away', linkId: l1.id }));
		expect(cancelled.status).toBe(200);
		// The link is the one in the path, whatever the body says.
		expect(cancelled.body).toMatchObject({ id: l3.id, status: 'cancelled', reason: 'Moved away' });

		await completeLink(ctxFor(db, volunteer.actor), { linkId: l1.id });
		const closed = await call(end.POST, volunteer, post(l1.id, { to: 'closed' }));
		expect(closed.status).toBe(200);
		expect(closed.body).toMatchObject({ id: l1.id, status: 'closed', needAccepted: true, offerAccepted: true });
	});
});

describe('POST /aid/links/{id}/feedback (giveFeedback)', () => {
	const post = (id: string, body: unknown, type?: string): Call => ({
		method: 'POST',
		path: `/aid/links/${id}/feedback`,
		params: { id },
		body,
		type
	});

	it('refuses bad input and the wrong people, and changes nothing', async () => {
		const before = await snapshot();
		for (const body of [{ rating: 5 }, { rating: 'good' }, {}, { rating: 3, comment: 'x'.repeat(301) }]) {
			const res = await call(feedback.POST, volunteer, post(l1.id, body));
			expect(res.status, JSON.stringify(body)).toBe(422);
			expect(Object.keys(res.body.errors as object).length).toBeGreaterThan(0);
		}
		expect((await call(feedback.POST, volunteer, post(l1.id, 'rating=3', 'text/plain'))).status).toBe(415);
		expect((await call(feedback.POST, volunteer, post('nonsense', { rating: 3 }))).status).toBe(404);
		expect(
			await statuses(
				[
					[facilitator, post(l1.id, { rating: 3 })],
					[resident, post(l1.id, { rating: 3 })],
					[nobody, post(l1.id, { rating: 3 })]
				],
				feedback.POST
			)
			// The resident is no side of this link: what an unknown link gets.
		).toEqual([403, 404, 401]);
		// A side, but the help has not taken place yet.
		expect((await call(feedback.POST, resident, post(l2.id, { rating: 3 }))).status).toBe(409);
		expect(await snapshot()).toEqual(before);
	});

	it('records a side’s feedback, and a second time replaces the first', async () => {
		const res = await call(feedback.POST, volunteer, post(l1.id, { rating: 3, comment: 'Georgi was very kind' }));
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ linkId: l1.id, rating: 3, comment: 'Georgi was very kind' });
		expect((await call(feedback.POST, volunteer, post(l1.id, { rating: 2 }))).body).toEqual({ linkId: l1.id, rating: 2, comment: null });
		const rows = await db.select().from(aidFeedback).where(eq(aidFeedback.linkId, l1.id));
		expect(rows.map((r) => [r.personId, r.rating])).toEqual([[volunteer.person.id, 2]]);
		const mine = (await call(me.GET, volunteer, { path: '/aid/me' })).body.links as Array<{ id: string; myFeedback: number | null }>;
		expect(mine.find((l) => l.id === l1.id)!.myFeedback).toBe(2);
	});
});

describe('POST /aid/links/{id}/nudge (nudgeLink)', () => {
	const post = (id: string, body: unknown = {}): Call => ({ method: 'POST', path: `/aid/links/${id}/nudge`, params: { id }, body });

	it('refuses everyone but the facilitators who broker there, and changes nothing', async () => {
		const before = await snapshot();
		expect(
			await statuses(
				[
					[volunteer, post(l2.id)],
					[resident, post(l2.id)],
					[coordinator, post(l2.id)],
					[stranger, post(l2.id)],
					[readOnly, post(l2.id)],
					[nobody, post(l2.id)]
				],
				nudge.POST
			)
			// The facilitator of another organisation: what an unknown link gets.
		).toEqual([403, 403, 403, 404, 403, 401]);
		expect((await call(nudge.POST, facilitator, post('nonsense'))).status).toBe(404);
		expect((await call(nudge.POST, facilitator, post(UNKNOWN))).status).toBe(404);
		// A link that ended has nobody left to remind.
		expect((await call(nudge.POST, facilitator, post(l3.id))).status).toBe(409);
		expect(await snapshot()).toEqual(before);
	});

	it('nudges a stalled link: a change, a reminder to each side it waits for; once a day', async () => {
		const res = await call(nudge.POST, facilitator, post(l2.id));
		expect(res.status).toBe(200);
		expect(res.body.link).toMatchObject({ id: l2.id, status: 'proposed' });
		expect((res.body.sides as Array<{ side: string; mailed: boolean }>).map((s) => [s.side, s.mailed]).sort()).toEqual([
			['need', true],
			['offer', true]
		]);
		// A nudge counts as a change, but the link stays on the stalled list for the rest of the day, with when.
		const stalled = await call(links.GET, facilitator, { path: '/aid/links?stalled=1' });
		expect((stalled.body.links as Array<{ id: string; nudgedAt: string | null }>).map((l) => [l.id, l.nudgedAt !== null])).toEqual([[l2.id, true]]);
		const before = await snapshot();
		expect((await call(nudge.POST, facilitator, post(l2.id))).status).toBe(409);
		expect(await snapshot()).toEqual(before);
	});
});
