import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { createNeed, createNeedInput, createOffer, createOfferInput, proposeLink } from '../../src/lib/server/aid/index.ts';
import { registerPerson, registerPersonInput } from '../../src/lib/server/people/index.ts';
import { anonymous, type Actor } from '../../src/lib/server/core/context.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { aidBoard, aidFeedback, aidLink, aidOfficeHour, aidVisit } from '../../src/lib/server/aid/schema.ts';
import { mailOutbox } from '../../src/lib/server/mail/schema.ts';
import { peoplePerson } from '../../src/lib/server/people/schema.ts';
import * as weekly from '../../src/routes/api/v1/aid/weekly/+server.ts';

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
// Links for the needs below (a need with a link is not in the weekly proposal): a walk-in's, the resident's own, another walk-in's.
await proposeLink(f, { needId: (await need(f, georgi.id)).id, offerId: offer.id });
const residentNeed = await need(ctxFor(db, resident.actor), resident.person.id, 'Help with my shopping');
await proposeLink(f, { needId: residentNeed.id, offerId: offer.id });
await proposeLink(f, { needId: (await need(f, (await walkIn('Mila')).id)).id, offerId: offer.id });
// An open need without a link, for the weekly proposal.
const waiting = await need(f, (await walkIn('Ivan')).id, 'Groceries for Ivan');

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

describe('GET /aid/weekly (getWeeklyProposal)', () => {
	it('proposes pairs for the neighbourhood without sending anything', async () => {
		const before = await snapshot();
		const res = await call(weekly.GET, facilitator, { path: `/aid/weekly?areaId=${area.id}` });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ areaId: area.id });
		expect(res.body.pairs).toEqual(
			expect.arrayContaining([expect.objectContaining({ needId: waiting.id, offerId: offer.id, firstName: volunteer.person.firstName })])
		);
		for (const secret of [PHONE, 'Petrov', VOLUNTEER_PHONE]) expect(res.text).not.toContain(secret);
		// Outside the facilitator's organisations there is nothing to propose.
		expect((await call(weekly.GET, stranger, { path: `/aid/weekly?areaId=${area.id}` })).body).toMatchObject({ needs: 0, pairs: [] });
		expect(await snapshot()).toEqual(before);
	});

	it('refuses who may not send proposals (as the page does) and a missing or bad area', async () => {
		const before = await snapshot();
		const path = `/aid/weekly?areaId=${area.id}`;
		expect(
			await statuses(
				[
					[coordinator, { path }],
					[outreach, { path }],
					[volunteer, { path }],
					[readOnly, { path }],
					[nobody, { path }],
					[facilitator, { path: '/aid/weekly' }],
					[facilitator, { path: '/aid/weekly?areaId=rabot' }]
				],
				weekly.GET
			)
		).toEqual([403, 403, 403, 403, 401, 422, 422]);
		expect(await snapshot()).toEqual(before);
	});
});
