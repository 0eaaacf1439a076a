import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { apiCall } from '../factories/api.ts';
import { createNeed, createNeedInput, createOffer, createOfferInput, weeklyProposalFor } from '../../src/lib/server/aid/index.ts';
import { registerPerson, registerPersonInput } from '../../src/lib/server/people/index.ts';
import { anonymous, type Actor } from '../../src/lib/server/core/context.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { aidCertificate, aidNeed, aidOffer } from '../../src/lib/server/aid/schema.ts';

// The needs and offers of /api/v1 through the one dispatcher: each operation's verb, so the same
// people may do the same things as on the pages; lists in cursor pages, weekdays ISO 1–7 and times
// "HH:MM" both ways, 201 with Location, and every refusal a problem that changes nothing.

const { db } = await freshAppDatabase();

const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const area = await makeArea(db, 'Rabot');
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id });
const outreach = await makeActor(db, 'outreach', { organisationId: org.id, areaId: area.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: area.id });
const neighbour = await makeActor(db, 'resident', { organisationId: org.id, areaId: area.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
const stranger = await makeActor(db, 'facilitator', { organisationId: otherOrg.id });
const nobody = { actor: anonymous };
/** The facilitator through a token that may only read. */
const readOnly = { actor: { ...facilitator.actor, via: 'token', tokenScopes: ['read'] } as Actor };
const f = ctxFor(db, facilitator.actor);

const TUESDAY = [{ day: 1, start: 540, end: 720 }];
/** The same window as the API writes it: ISO Tuesday, "HH:MM". */
const API_TUESDAY = [{ day: 2, start: '09:00', end: '12:00' }];
const PHONE = '+32 470 11 22 33';

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
const need = (who: { actor: Actor }, personId: string, title = 'Shopping on Tuesday', over: Record<string, unknown> = {}) =>
	createNeed(ctxFor(db, who.actor), createNeedInput.parse({ personId, category: 'errands', title, areaId: area.id, windows: TUESDAY, ...over }));
const offerOf = (who: { actor: Actor }, personId: string, over: Record<string, unknown> = {}) =>
	createOffer(
		ctxFor(db, who.actor),
		createOfferInput.parse({ personId, category: 'errands', title: 'I do errands', areaId: area.id, windows: TUESDAY, capacity: 2, ...over })
	);

const total = async (t: typeof aidNeed | typeof aidOffer | typeof coreAudit) => ((await db.select({ n: count() }).from(t)) as [{ n: number }])[0].n;
/** Everything these operations may change. */
const snapshot = async () => ({
	audit: await total(coreAudit),
	needs: await db.select().from(aidNeed).orderBy(aidNeed.id),
	offers: await db.select().from(aidOffer).orderBy(aidOffer.id)
});
const UNKNOWN = '3f0c9b7e-0000-4000-8000-000000000000';
const statuses = async (calls: Array<[{ actor: Actor }, Parameters<typeof apiCall>[1]]>) => {
	const out: number[] = [];
	for (const [who, c] of calls) {
		const res = await apiCall(who.actor, c);
		if (res.status >= 400) expect(res.headers.get('content-type'), `${c.method ?? 'GET'} ${c.path}`).toBe('application/problem+json');
		out.push(res.status);
	}
	return out;
};

const georgi = await walkIn('Georgi');

// A safeguarded need on Tuesday morning, and the organisation's childcare offers around it.
const parent = await walkIn('Maria');
const childcare = await need(facilitator, parent.id, 'Ophalen van school', { category: 'childcare', safeguarded: true });
const helper = async (firstName: string, over: Record<string, unknown> = {}) => {
	const p = await walkIn(firstName);
	return offerOf(facilitator, p.id, { category: 'childcare', title: `${firstName} helps`, ...over });
};
const valid = await helper('Valid');
await db.insert(aidCertificate).values({ personId: valid.personId, checkedOn: '2026-06-01', validUntil: '2031-05-01' });
const second = await helper('Second');
await db.insert(aidCertificate).values({ personId: second.personId, checkedOn: '2026-06-01', validUntil: '2031-05-01' });
await helper('NoCert');
const paused = await helper('Paused');
await db.update(aidOffer).set({ status: 'paused' }).where(eq(aidOffer.id, paused.id));
const matchesPath = `/aid/needs/${childcare.id}/matches`;

describe('POST /aid/needs (createNeed)', () => {
	const body = { personId: georgi.id, category: 'errands', title: 'Groceries', areaId: area.id, windows: API_TUESDAY, languages: ['bg'] };

	it('says a need for a walk-in (201, Location), its weekly time in ISO weekday and "HH:MM" both ways', async () => {
		const res = await apiCall(facilitator.actor, { method: 'POST', path: '/aid/needs', body });
		expect(res.status).toBe(201);
		expect(res.headers.get('location')).toBe(`/api/v1/aid/needs/${res.body.id as string}`);
		expect(res.body).toMatchObject({ status: 'open', assisted: true, windows: API_TUESDAY, dates: [] });
		// Stored in the verbs' units: day 1 is Tuesday (0 = Monday), minutes after midnight.
		const [row] = await db
			.select()
			.from(aidNeed)
			.where(eq(aidNeed.id, res.body.id as string));
		expect(row!.windows).toEqual(TUESDAY);
		const shown = await apiCall(facilitator.actor, { path: res.headers.get('location')!.slice('/api/v1'.length) });
		expect(shown.status).toBe(200);
		expect(shown.body).toMatchObject({ id: res.body.id, windows: API_TUESDAY });
	});

	it('refuses the wrong role, another organisation and bad input (windows in minutes too), changing nothing', async () => {
		const before = await snapshot();
		const bad = (over: Record<string, unknown>) => ({ method: 'POST', path: '/aid/needs', body: { ...body, ...over } });
		expect(
			await statuses([
				[volunteer, bad({})],
				[coordinator, bad({})],
				[readOnly, bad({})],
				[stranger, bad({})],
				[nobody, bad({})],
				[facilitator, bad({ category: 'astrology' })],
				[facilitator, bad({ windows: [{ day: 1, start: 540, end: 720 }] })],
				[facilitator, bad({ windows: [{ day: 0, start: '09:00', end: '12:00' }] })],
				[facilitator, bad({ windows: [{ day: 2, start: '12:00', end: '09:00' }] })],
				[facilitator, bad({ point: { lat: 91, lon: 3.7 } })],
				[facilitator, bad({ areaId: UNKNOWN })],
				[facilitator, bad({ personId: UNKNOWN })],
				[facilitator, { method: 'POST', path: '/aid/needs', body: 'personId=x', type: 'application/x-www-form-urlencoded' }]
			])
		).toEqual([403, 403, 403, 403, 401, 422, 422, 422, 422, 422, 422, 404, 415]);
		expect(await snapshot()).toEqual(before);
	});
});

describe('POST /aid/offers (createOffer)', () => {
	const body = () => ({
		personId: volunteer.person.id,
		category: 'errands',
		title: 'Shopping with you',
		areaId: area.id,
		windows: API_TUESDAY,
		capacity: 2
	});

	it('says a volunteer’s own offer (201, Location)', async () => {
		const res = await apiCall(volunteer.actor, { method: 'POST', path: '/aid/offers', body: body() });
		expect(res.status).toBe(201);
		expect(res.headers.get('location')).toBe(`/api/v1/aid/offers/${res.body.id as string}`);
		expect(res.body).toMatchObject({ status: 'active', capacity: 2, activeLinks: 0, windows: API_TUESDAY });
	});

	it('refuses someone else’s offer, another organisation (its person unknown there), places out of range, changing nothing', async () => {
		const before = await snapshot();
		expect(
			await statuses([
				[resident, { method: 'POST', path: '/aid/offers', body: body() }],
				[stranger, { method: 'POST', path: '/aid/offers', body: body() }],
				[nobody, { method: 'POST', path: '/aid/offers', body: body() }],
				[volunteer, { method: 'POST', path: '/aid/offers', body: { ...body(), capacity: 0 } }],
				[volunteer, { method: 'POST', path: '/aid/offers', body: { ...body(), capacity: 10_000 } }],
				[volunteer, { method: 'POST', path: '/aid/offers', body: { ...body(), dates: [{ date: '2020-01-01' }] } }]
			])
		).toEqual([403, 404, 401, 422, 422, 422]);
		expect(await snapshot()).toEqual(before);
	});
});

describe('GET /aid/needs (listNeeds)', () => {
	it('pages the queue oldest first: two pages, no repeats, nextCursor null on the last', async () => {
		for (const title of ['First', 'Second', 'Third']) await need(facilitator, georgi.id, title);
		const all = await apiCall(facilitator.actor, { path: '/aid/needs?status=all&limit=200' });
		expect(all.body.nextCursor).toBeNull();
		const ids = (all.body.items as Array<{ id: string }>).map((n) => n.id);
		expect(ids.length).toBeGreaterThanOrEqual(3);
		const first = await apiCall(facilitator.actor, { path: `/aid/needs?status=all&limit=${ids.length - 1}` });
		expect(first.status).toBe(200);
		expect(first.body.nextCursor).toEqual(expect.any(String));
		const second = await apiCall(facilitator.actor, {
			path: `/aid/needs?status=all&limit=${ids.length - 1}&cursor=${encodeURIComponent(first.body.nextCursor as string)}`
		});
		expect(second.body.nextCursor).toBeNull();
		const paged = [...(first.body.items as Array<{ id: string }>), ...(second.body.items as Array<{ id: string }>)].map((n) => n.id);
		expect(paged).toEqual(ids);
		const [item] = all.body.items as Array<Record<string, unknown>>;
		expect(item).toMatchObject({ windows: API_TUESDAY, firstName: expect.any(String) });
		expect(all.text).not.toContain(PHONE);
	});

	it('shows another organisation nothing of ours, and refuses the wrong role and bad queries with field errors (422)', async () => {
		const theirs = await apiCall(stranger.actor, { path: '/aid/needs?status=all' });
		expect(theirs).toMatchObject({ status: 200, body: { items: [], nextCursor: null } });
		const bad = await apiCall(facilitator.actor, { path: '/aid/needs?cursor=not-ours' });
		expect(bad.status).toBe(422);
		expect(bad.body.errors).toHaveProperty('cursor');
		expect(
			await statuses([
				[resident, { path: '/aid/needs' }],
				[volunteer, { path: '/aid/needs' }],
				[nobody, { path: '/aid/needs' }],
				[facilitator, { path: '/aid/needs?status=lost' }],
				[facilitator, { path: '/aid/needs?limit=0' }],
				[facilitator, { path: '/aid/needs?limit=201' }],
				// No form habits: an absent area is left out, not sent empty.
				[facilitator, { path: '/aid/needs?areaId=' }]
			])
		).toEqual([403, 403, 401, 422, 422, 422, 422]);
	});
});

describe('GET /aid/needs/{id} and /aid/offers/{id}', () => {
	it('gives a need to its person and to staff in scope; another organisation, a neighbour, an unknown or malformed id: 404', async () => {
		const n = await need(resident, resident.person.id);
		const path = `/aid/needs/${n.id}`;
		expect(await apiCall(resident.actor, { path })).toMatchObject({ status: 200, body: { id: n.id, status: 'open', description: null } });
		expect((await apiCall(facilitator.actor, { path })).status).toBe(200);
		expect(
			await statuses([
				[stranger, { path }],
				[neighbour, { path }],
				[facilitator, { path: `/aid/needs/${UNKNOWN}` }],
				[facilitator, { path: '/aid/needs/nope' }],
				[nobody, { path }]
			])
		).toEqual([404, 404, 404, 404, 401]);
	});

	it('gives an offer to its volunteer and to staff in scope, and 404 to anyone else', async () => {
		const o = await offerOf(volunteer, volunteer.person.id);
		const path = `/aid/offers/${o.id}`;
		expect(await apiCall(volunteer.actor, { path })).toMatchObject({ status: 200, body: { id: o.id, status: 'active', windows: API_TUESDAY } });
		expect((await apiCall(facilitator.actor, { path })).status).toBe(200);
		expect(
			await statuses([
				[stranger, { path }],
				[resident, { path }],
				[facilitator, { path: `/aid/offers/${UNKNOWN}` }],
				[facilitator, { path: '/aid/offers/nope' }],
				[nobody, { path }]
			])
		).toEqual([404, 404, 404, 404, 401]);
	});
});

describe('PATCH /aid/needs/{id} (updateNeed), withdraw, duplicate, PATCH /aid/offers/{id} (updateOffer)', () => {
	it('changes an own need, its time in the API’s units, and refuses the rest with a problem that changes nothing', async () => {
		const n = await need(resident, resident.person.id);
		const path = `/aid/needs/${n.id}`;
		const patched = await apiCall(resident.actor, {
			method: 'PATCH',
			path,
			body: { description: 'Heavy bags', windows: [{ day: 3, start: '10:00', end: '11:30' }] }
		});
		expect(patched).toMatchObject({
			status: 200,
			body: { description: 'Heavy bags', title: 'Shopping on Tuesday', windows: [{ day: 3, start: '10:00', end: '11:30' }] }
		});
		expect((await db.select().from(aidNeed).where(eq(aidNeed.id, n.id)))[0]!.windows).toEqual([{ day: 2, start: 600, end: 690 }]);
		const before = await snapshot();
		expect(
			await statuses([
				[resident, { method: 'PATCH', path, body: { title: 'x' } }],
				[resident, { method: 'PATCH', path, body: { windows: [{ day: 8, start: '10:00', end: '11:00' }] } }],
				[resident, { method: 'PATCH', path, body: 'title=x', type: 'application/x-www-form-urlencoded' }],
				[facilitator, { method: 'PATCH', path, body: { title: 'Staff' } }],
				[neighbour, { method: 'PATCH', path, body: { title: 'Not mine' } }],
				[stranger, { method: 'PATCH', path, body: { title: 'Not ours' } }],
				[nobody, { method: 'PATCH', path, body: { title: 'Nobody' } }]
			])
		).toEqual([422, 422, 415, 403, 404, 403, 401]);
		expect(await snapshot()).toEqual(before);
	});

	it('withdraws an own need, closes a duplicate, pauses an own offer; refuses the wrong role and another organisation', async () => {
		const n = await need(resident, resident.person.id);
		expect((await apiCall(facilitator.actor, { method: 'POST', path: `/aid/needs/${n.id}/withdraw`, body: {} })).status).toBe(403);
		expect((await apiCall(neighbour.actor, { method: 'POST', path: `/aid/needs/${n.id}/withdraw`, body: {} })).status).toBe(404);
		expect(await apiCall(resident.actor, { method: 'POST', path: `/aid/needs/${n.id}/withdraw`, body: { reason: 'Solved' } })).toMatchObject({
			status: 200,
			body: { status: 'withdrawn', statusReason: 'Solved' }
		});

		const d = await need(resident, resident.person.id);
		const before = await snapshot();
		expect(
			await statuses([
				[stranger, { method: 'POST', path: `/aid/needs/${d.id}/duplicate`, body: { reason: 'Same one' } }],
				[outreach, { method: 'POST', path: `/aid/needs/${d.id}/duplicate`, body: { reason: 'Same one' } }],
				[resident, { method: 'POST', path: `/aid/needs/${d.id}/duplicate`, body: { reason: 'Same one' } }],
				[facilitator, { method: 'POST', path: `/aid/needs/${d.id}/duplicate`, body: {} }]
			])
		).toEqual([404, 403, 403, 422]);
		expect(await snapshot()).toEqual(before);
		expect(
			(await apiCall(facilitator.actor, { method: 'POST', path: `/aid/needs/${d.id}/duplicate`, body: { reason: 'Same one' } })).body
		).toMatchObject({
			status: 'duplicate'
		});

		const o = await offerOf(volunteer, volunteer.person.id);
		const path = `/aid/offers/${o.id}`;
		const unchanged = await snapshot();
		expect(
			await statuses([
				[volunteer, { method: 'PATCH', path, body: { status: 'gone' } }],
				[stranger, { method: 'PATCH', path, body: { status: 'paused' } }],
				[resident, { method: 'PATCH', path, body: { status: 'paused' } }]
			])
		).toEqual([422, 403, 404]);
		expect(await snapshot()).toEqual(unchanged);
		expect((await apiCall(volunteer.actor, { method: 'PATCH', path, body: { status: 'paused' } })).body).toMatchObject({ status: 'paused' });
	});
});

describe('GET /aid/needs/{id}/matches (suggestMatches)', () => {
	it('ranks the eligible offers with reasons in the API’s units and counts the others left out', async () => {
		const res = await apiCall(facilitator.actor, { path: matchesPath });
		expect(res.status).toBe(200);
		expect(res.body.leftOut).toEqual({ full: 0, certificate: 1, paused: 1 });
		const candidates = res.body.candidates as Array<Record<string, unknown>>;
		expect(candidates.map((c) => c.firstName).sort()).toEqual(['Second', 'Valid']);
		expect(candidates[0]).toMatchObject({ timeFit: 'common' });
		expect(candidates[0]!.reasons).toContainEqual({ code: 'time', points: 20, window: { day: 2, start: '09:00', end: '12:00' } });
		expect(candidates[0]).not.toHaveProperty('personId');
		expect(res.text).not.toContain(PHONE);
	});

	it('gives at most `limit` candidates, the best ones', async () => {
		const all = await apiCall(facilitator.actor, { path: matchesPath });
		const one = await apiCall(facilitator.actor, { path: `${matchesPath}?limit=1` });
		expect(one.body.candidates).toEqual([(all.body.candidates as unknown[])[0]]);
	});

	it('refuses the wrong role, another organisation, a bad limit (422 with the field), and changes nothing', async () => {
		const before = await snapshot();
		const bad = await apiCall(facilitator.actor, { path: `${matchesPath}?limit=51` });
		expect(bad.status).toBe(422);
		expect(bad.body.errors).toHaveProperty('limit');
		expect(
			await statuses([
				[resident, { path: matchesPath }],
				[volunteer, { path: matchesPath }],
				[stranger, { path: matchesPath }],
				[nobody, { path: matchesPath }],
				[facilitator, { path: `${matchesPath}?limit=0` }],
				[facilitator, { path: `${matchesPath}?limit=many` }],
				[facilitator, { path: `/aid/needs/${UNKNOWN}/matches` }],
				[facilitator, { path: '/aid/needs/nope/matches' }]
			])
		).toEqual([403, 403, 404, 401, 422, 422, 404, 404]);
		expect(await snapshot()).toEqual(before);
	});
});

describe('GET /aid/weekly (getWeeklyProposal)', () => {
	it('proposes pairs for the neighbourhood without sending anything', async () => {
		await need(facilitator, (await walkIn('Ivan')).id, 'Groceries for Ivan');
		await offerOf(volunteer, volunteer.person.id, { capacity: 5 });
		const before = await snapshot();
		const res = await apiCall(facilitator.actor, { path: `/aid/weekly?areaId=${area.id}` });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ areaId: area.id, needs: expect.any(Number) });
		const pairs = res.body.pairs as Array<{ needTitle: string; firstName: string }>;
		expect(pairs.length).toBeGreaterThan(0);
		// The errands volunteer is the only one free on Tuesday mornings for errands.
		expect(pairs.filter((p) => p.needTitle !== 'Ophalen van school').every((p) => p.firstName === volunteer.person.firstName)).toBe(true);
		for (const secret of [PHONE, 'Petrov']) expect(res.text).not.toContain(secret);
		// Outside the facilitator's organisations there is nothing to propose.
		expect((await apiCall(stranger.actor, { path: `/aid/weekly?areaId=${area.id}` })).body).toMatchObject({ needs: 0, pairs: [] });
		expect(await snapshot()).toEqual(before);
	});

	it('refuses who may not send proposals and a missing or bad area (422 with the field)', async () => {
		const before = await snapshot();
		const path = `/aid/weekly?areaId=${area.id}`;
		expect(
			await statuses([
				[coordinator, { path }],
				[outreach, { path }],
				[volunteer, { path }],
				[readOnly, { path }],
				[nobody, { path }],
				[facilitator, { path: '/aid/weekly' }],
				[facilitator, { path: '/aid/weekly?areaId=rabot' }]
			])
		).toEqual([403, 403, 403, 403, 401, 422, 422]);
		expect(await snapshot()).toEqual(before);
	});

	it('holds the whole rule in the verb: reading needs is not enough to see a proposal, whoever calls', async () => {
		await expect(weeklyProposalFor(ctxFor(db, outreach.actor), { areaId: area.id })).rejects.toMatchObject({ status: 403 });
		await expect(weeklyProposalFor(ctxFor(db, coordinator.actor), { areaId: area.id })).rejects.toMatchObject({ status: 403 });
	});
});
