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
import * as hours from '../../src/routes/api/v1/aid/office-hours/+server.ts';
import * as oneHour from '../../src/routes/api/v1/aid/office-hours/[id]/+server.ts';
import * as visits from '../../src/routes/api/v1/aid/visits/+server.ts';
import * as board from '../../src/routes/api/v1/areas/[area]/board/+server.ts';

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

describe('office hours (listOfficeHours, createOfficeHour, deleteOfficeHour)', () => {
	const hour = { areaId: area.id, place: 'Buurthuis Rabot, zaal 2', day: 1, start: '09:30', end: '12:00', public: true };
	const create = (body: unknown, type?: string): Call => ({ method: 'POST', path: '/aid/office-hours', body, type });
	const remove = (id: string): Call => ({ method: 'DELETE', path: `/aid/office-hours/${id}`, params: { id } });
	let made: string;

	it('creates an office hour (201), in minutes, and lists it for those who keep the schedule', async () => {
		const res = await call(hours.POST, facilitator, create(hour));
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({ areaId: area.id, organisationId: org.id, day: 1, start: 570, end: 720, public: true });
		made = res.body.id as string;
		for (const who of [facilitator, coordinator]) {
			const list = await call(hours.GET, who, { path: '/aid/office-hours' });
			expect(list.status).toBe(200);
			expect(list.body.officeHours).toEqual([expect.objectContaining({ id: made, areaName: 'Rabot', areaCode: area.code, place: hour.place })]);
		}
		expect((await call(hours.GET, stranger, { path: '/aid/office-hours' })).body).toEqual({ officeHours: [] });
	});

	it('refuses bad input with field messages in the caller’s language, and changes nothing', async () => {
		const before = await snapshot();
		for (const [over, field] of [
			[{ day: 7 }, 'day'],
			[{ start: '12:00', end: '09:00' }, 'end'],
			[{ start: '25:00' }, 'start'],
			[{ place: '' }, 'place'],
			[{ areaId: UNKNOWN }, 'areaId']
		] as const) {
			const res = await call(hours.POST, facilitator, create({ ...hour, ...over }));
			expect(res.status, field).toBe(422);
			expect(Object.keys(res.body.errors as object)).toContain(field);
			expect(Object.values(res.body.errors as object).join(' ')).not.toMatch(/\b(error|aid_error)_\w+/);
		}
		expect((await call(hours.POST, facilitator, create('areaId=x', 'text/plain'))).status).toBe(415);
		expect(await snapshot()).toEqual(before);
	});

	it('refuses the wrong role or place, and changes nothing', async () => {
		const before = await snapshot();
		expect(
			await statuses(
				[
					[volunteer, create(hour)],
					[outreach, create(hour)],
					[facilitator, create({ ...hour, areaId: otherArea.id })],
					[readOnly, create(hour)],
					[nobody, create(hour)]
				],
				hours.POST
			)
		).toEqual([403, 403, 403, 403, 401]);
		expect(
			await statuses(
				[
					[volunteer, { path: '/aid/office-hours' }],
					[nobody, { path: '/aid/office-hours' }]
				],
				hours.GET
			)
		).toEqual([403, 401]);
		expect(
			await statuses(
				[
					[volunteer, remove(made)],
					[outreach, remove(made)],
					[stranger, remove(made)],
					[readOnly, remove(made)],
					[nobody, remove(made)]
				],
				oneHour.DELETE
			)
		).toEqual([403, 403, 404, 403, 401]);
		expect(
			await statuses(
				[
					[facilitator, remove('nonsense')],
					[facilitator, remove(UNKNOWN)]
				],
				oneHour.DELETE
			)
		).toEqual([404, 404]);
		expect(await snapshot()).toEqual(before);
	});

	it('deletes an office hour; a second time it is gone', async () => {
		const other = await call(hours.POST, coordinator, create({ ...hour, day: 3, public: false }));
		const res = await call(oneHour.DELETE, facilitator, remove(other.body.id as string));
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ id: other.body.id, deleted: true });
		expect((await call(oneHour.DELETE, facilitator, remove(other.body.id as string))).status).toBe(404);
	});

	it('counts visits (201) at an office hour or in a neighbourhood', async () => {
		const at = await call(visits.POST, outreach, { method: 'POST', path: '/aid/visits', body: { officeHourId: made } });
		expect(at.status).toBe(201);
		expect(at.body).toMatchObject({ officeHourId: made, areaId: area.id, organisationId: org.id, personId: null });
		const known = await call(visits.POST, facilitator, { method: 'POST', path: '/aid/visits', body: { areaId: area.id, personId: georgi.id } });
		expect(known.status).toBe(201);
		expect(known.body).toMatchObject({ officeHourId: null, areaId: area.id, personId: georgi.id });
	});

	it('refuses a visit from the wrong role or with bad input, and changes nothing', async () => {
		const before = await snapshot();
		const visit = (body: unknown, type?: string): Call => ({ method: 'POST', path: '/aid/visits', body, type });
		expect(
			await statuses(
				[
					[coordinator, visit({ officeHourId: made })],
					[volunteer, visit({ officeHourId: made })],
					[resident, visit({ officeHourId: made })],
					[{ actor: { ...outreach.actor, via: 'token', tokenScopes: ['read'] } as Actor }, visit({ officeHourId: made })],
					[nobody, visit({ officeHourId: made })]
				],
				visits.POST
			)
		).toEqual([403, 403, 403, 403, 401]);
		for (const [body, field] of [
			[{}, 'areaId'],
			[{ officeHourId: 'nope' }, 'officeHourId'],
			[{ areaId: UNKNOWN }, 'areaId'],
			[{ officeHourId: made, areaId: otherArea.id }, 'areaId']
		] as const) {
			const res = await call(visits.POST, facilitator, visit(body));
			expect(res.status, JSON.stringify(body)).toBe(422);
			expect(Object.keys(res.body.errors as object)).toEqual([field]);
		}
		expect((await call(visits.POST, facilitator, visit('officeHourId=x', 'text/plain'))).status).toBe(415);
		expect(await snapshot()).toEqual(before);
	});
});

describe('the neighbourhood board (setNeighbourhoodBoard, getNeighbourhoodBoard)', () => {
	const post = (ref: string, body: unknown, type?: string): Call => ({
		method: 'POST',
		path: `/areas/${ref}/board`,
		params: { area: ref },
		body,
		type
	});
	const get = (ref: string): Call => ({ path: `/areas/${ref}/board`, params: { area: ref } });

	it('is null until switched on, for anyone without a token', async () => {
		const res = await call(board.GET, nobody, get(area.code));
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ area: { code: area.code, name: 'Rabot', city: 'Gent' }, board: null });
		const missing = await call(board.GET, nobody, get('no-such-area'));
		expect(missing.status).toBe(404);
	});

	it('refuses the wrong role, another neighbourhood and bad input, and changes nothing', async () => {
		const before = await snapshot();
		expect(
			await statuses(
				[
					[volunteer, post(area.id, { show: true })],
					[outreach, post(area.id, { show: true })],
					[resident, post(area.id, { show: true })],
					[facilitator, post(otherArea.id, { show: true })],
					[readOnly, post(area.id, { show: true })],
					[nobody, post(area.id, { show: true })]
				],
				board.POST
			)
		).toEqual([403, 403, 403, 403, 403, 401]);
		for (const body of [{ show: 'yes' }, {}, { show: 'on' }]) {
			const res = await call(board.POST, facilitator, post(area.id, body));
			expect(res.status, JSON.stringify(body)).toBe(422);
			expect(Object.keys(res.body.errors as object)).toEqual(['show']);
		}
		expect((await call(board.POST, facilitator, post(area.id, 'show=on', 'text/plain'))).status).toBe(415);
		expect((await call(board.POST, facilitator, post(area.code, { show: true }))).status).toBe(404);
		expect((await call(board.POST, coordinator, post(UNKNOWN, { show: true }))).status).toBe(404);
		// Whose needs: another organisation's is refused (whether it exists or not); an admin naming an
		// unknown one gets a field error; a malformed one too.
		for (const organisationId of [otherOrg.id, UNKNOWN])
			expect((await call(board.POST, facilitator, post(area.id, { show: true, organisationId }))).status, organisationId).toBe(403);
		const admin = await makeActor(db, 'admin', { organisationId: org.id });
		for (const organisationId of [UNKNOWN, 'x']) {
			const res = await call(board.POST, admin, post(area.id, { show: true, organisationId }));
			expect(res.status, organisationId).toBe(422);
			expect(Object.keys(res.body.errors as object)).toEqual(['organisationId']);
		}
		expect(await snapshot()).toEqual(before);
	});

	it('switches it on (audited); then anyone sees kinds of help and times, never who asks', async () => {
		const auditBefore = await total(coreAudit);
		const res = await call(board.POST, facilitator, post(area.id, { show: true }));
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ id: area.id, name: 'Rabot', code: area.code, organisationId: org.id, aidBoard: true });
		expect(await total(coreAudit)).toBe(auditBefore + 1);

		for (const ref of [area.code, area.id]) {
			const shown = await call(board.GET, nobody, get(ref));
			expect(shown.status).toBe(200);
			const b = shown.body.board as { total: number; entries: Array<Record<string, unknown>> };
			expect(b.total).toBeGreaterThan(0);
			expect(Object.keys(b.entries[0]!).sort()).toEqual(['category', 'onParticularDays', 'weeksOpen', 'windows']);
			for (const secret of ['Ivan', 'Georgi', 'Groceries', 'Shopping', PHONE, org.id]) expect(shown.text).not.toContain(secret);
		}
		expect((await call(board.GET, facilitator, get(otherArea.code))).body.board).toBeNull();

		const off = await call(board.POST, coordinator, post(area.id, { show: false }));
		expect(off.body).toMatchObject({ aidBoard: false });
		expect((await call(board.GET, nobody, get(area.code))).body.board).toBeNull();
	});
});
