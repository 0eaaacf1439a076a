import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { apiCall, type ApiCall } from '../factories/api.ts';
import { createNeed, createNeedInput } from '../../src/lib/server/aid/index.ts';
import { registerPerson, registerPersonInput } from '../../src/lib/server/people/index.ts';
import { anonymous, type Actor } from '../../src/lib/server/core/context.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { aidBoard, aidOfficeHour, aidVisit } from '../../src/lib/server/aid/schema.ts';

// The office-hour, visit, board and reach operations of /api/v1, called through the one dispatcher:
// the same verbs as the pages, so the same people may do the same things, and nothing else. Weekdays
// are ISO (1 = Monday) and times "HH:MM" here; inside, day 0–6 and minutes.

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
const strangerCoordinator = await makeActor(db, 'coordinator', { organisationId: otherOrg.id });
const admin = await makeActor(db, 'admin', { organisationId: org.id });
type Who = { actor: Actor };
const nobody: Who = { actor: anonymous };
/** A token that may only read. */
const readOnly = (who: Who): Who => ({ actor: { ...who.actor, via: 'token', tokenScopes: ['read'] } });

const PHONE = '+32 470 11 22 33';
const georgi = await registerPerson(
	ctxFor(db, facilitator.actor),
	registerPersonInput.parse({ firstName: 'Georgi', lastName: 'Petrov', phone: PHONE, organisationId: org.id, areaId: area.id, contactConsent: 'on' })
);
// Tuesday 09:00–12:00 inside: day 1, minutes 540–720.
await createNeed(
	ctxFor(db, facilitator.actor),
	createNeedInput.parse({
		personId: georgi.id,
		category: 'errands',
		title: 'Shopping for Georgi',
		areaId: area.id,
		windows: [{ day: 1, start: 540, end: 720 }]
	})
);

const call = async (who: Who, c: ApiCall) => {
	const res = await apiCall(who.actor, c);
	if (res.status >= 400) expect(res.headers.get('content-type'), `${c.method ?? 'GET'} ${c.path} ${res.status}`).toBe('application/problem+json');
	return res;
};
const statuses = async (list: Array<[Who, ApiCall]>) => {
	const out: number[] = [];
	for (const [who, c] of list) out.push((await call(who, c)).status);
	return out;
};
const total = async (t: typeof aidOfficeHour | typeof aidVisit | typeof coreAudit) =>
	((await db.select({ n: count() }).from(t)) as [{ n: number }])[0].n;
/** Everything these operations may change. */
const snapshot = async () => ({
	audit: await total(coreAudit),
	hours: await db.select().from(aidOfficeHour).orderBy(aidOfficeHour.id),
	visits: await total(aidVisit),
	boards: await db.select().from(aidBoard).orderBy(aidBoard.areaId, aidBoard.organisationId)
});
const UNKNOWN = '3f0c9b7e-0000-4000-8000-000000000000';
const fieldsOf = (body: Record<string, unknown>) => Object.keys(body.errors as object);

const hour = { areaId: area.id, place: 'Buurthuis Rabot, zaal 2', day: 2, start: '09:30', end: '12:00', public: true };
const create = (body: unknown, type?: string): ApiCall => ({ method: 'POST', path: '/aid/office-hours', body, type });
const remove = (id: string): ApiCall => ({ method: 'DELETE', path: `/aid/office-hours/${id}` });
const one = (id: string): ApiCall => ({ path: `/aid/office-hours/${id}` });

let made: string;

describe('office hours (createOfficeHour, getOfficeHour, listOfficeHours, deleteOfficeHour)', () => {
	it('creates an office hour: 201, its Location, ISO weekday and HH:MM both ways, day 0–6 and minutes inside', async () => {
		const res = await call(facilitator, create(hour));
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({ areaId: area.id, organisationId: org.id, day: 2, start: '09:30', end: '12:00', public: true });
		made = res.body.id as string;
		expect(res.headers.get('location')).toBe(`/api/v1/aid/office-hours/${made}`);
		const [row] = await db.select().from(aidOfficeHour).where(eq(aidOfficeHour.id, made));
		expect(row).toMatchObject({ day: 1, start: 570, end: 720 });
		const got = await call(coordinator, { path: res.headers.get('location')!.slice('/api/v1'.length) });
		expect(got.status).toBe(200);
		expect(got.body).toMatchObject({
			id: made,
			day: 2,
			start: '09:30',
			areaName: 'Rabot',
			areaCode: area.code,
			organisationName: expect.any(String)
		});
	});

	it('gets one office hour only in the caller’s scope: another organisation’s, an unknown and a malformed id are 404', async () => {
		expect(
			await statuses([
				[stranger, one(made)],
				[facilitator, one(UNKNOWN)],
				[facilitator, one('nonsense')],
				[volunteer, one(made)],
				[nobody, one(made)]
			])
		).toEqual([404, 404, 404, 403, 401]);
	});

	it('lists the schedule for those who keep it, in their scope only', async () => {
		for (const who of [facilitator, coordinator]) {
			const list = await call(who, { path: '/aid/office-hours' });
			expect(list.status).toBe(200);
			expect(list.body).toEqual({
				items: [expect.objectContaining({ id: made, areaName: 'Rabot', day: 2, start: '09:30', end: '12:00' })],
				nextCursor: null
			});
		}
		expect((await call(stranger, { path: '/aid/office-hours' })).body).toEqual({ items: [], nextCursor: null });
		expect(
			await statuses([
				[volunteer, { path: '/aid/office-hours' }],
				[nobody, { path: '/aid/office-hours' }]
			])
		).toEqual([403, 401]);
	});

	it('refuses bad input with field messages in the caller’s language, form habits included, and changes nothing', async () => {
		const before = await snapshot();
		for (const [over, field] of [
			[{ day: 8 }, 'day'],
			[{ day: 0 }, 'day'],
			[{ day: '2' }, 'day'],
			[{ start: '12:00', end: '09:00' }, 'end'],
			[{ start: '25:00' }, 'start'],
			[{ start: 570 }, 'start'],
			[{ place: '' }, 'place'],
			[{ public: 'on' }, 'public'],
			[{ organisationId: '' }, 'organisationId'],
			[{ areaId: UNKNOWN }, 'areaId']
		] as const) {
			const res = await call(facilitator, create({ ...hour, ...over }));
			expect(res.status, JSON.stringify(over)).toBe(422);
			expect(fieldsOf(res.body)).toContain(field);
			expect(Object.values(res.body.errors as object).join(' ')).not.toMatch(/\b(error|aid_error)_\w+/);
		}
		expect((await call(facilitator, create('areaId=x', 'text/plain'))).status).toBe(415);
		expect(await snapshot()).toEqual(before);
	});

	it('refuses the wrong role, another neighbourhood or organisation and a read-only token, and changes nothing', async () => {
		const before = await snapshot();
		expect(
			await statuses([
				[volunteer, create(hour)],
				[outreach, create(hour)],
				[facilitator, create({ ...hour, areaId: otherArea.id })],
				[facilitator, create({ ...hour, organisationId: otherOrg.id })],
				[readOnly(facilitator), create(hour)],
				[nobody, create(hour)]
			])
		).toEqual([403, 403, 403, 403, 403, 401]);
		expect(
			await statuses([
				[volunteer, remove(made)],
				[outreach, remove(made)],
				[stranger, remove(made)],
				[readOnly(facilitator), remove(made)],
				[nobody, remove(made)],
				[facilitator, remove('nonsense')],
				[facilitator, remove(UNKNOWN)]
			])
		).toEqual([403, 403, 404, 403, 401, 404, 404]);
		expect(await snapshot()).toEqual(before);
	});

	it('deletes an office hour: 204 without a body, audited; a second time it is gone', async () => {
		const other = await call(coordinator, create({ ...hour, day: 4, public: false }));
		const audits = await total(coreAudit);
		const res = await call(facilitator, remove(other.body.id as string));
		expect(res.status).toBe(204);
		expect(res.text).toBe('');
		expect(await total(coreAudit)).toBe(audits + 1);
		expect((await call(facilitator, remove(other.body.id as string))).status).toBe(404);
	});

	it('pages the schedule by a cursor: no repeats, nothing left out, nextCursor null at the end; a bad cursor is a 422', async () => {
		for (const [day, start] of [
			[1, '08:00'],
			[5, '14:00'],
			[2, '09:30'],
			[7, '10:00']
		] as const)
			expect((await call(coordinator, create({ ...hour, day, start, end: '16:00', public: false }))).status).toBe(201);
		const all = (await call(coordinator, { path: '/aid/office-hours' })).body.items as Array<{ id: string; day: number; start: string }>;
		expect(all).toHaveLength(5);
		expect(all.map((h) => `${h.day} ${h.start}`)).toEqual(['1 08:00', '2 09:30', '2 09:30', '5 14:00', '7 10:00']);
		const seen: string[] = [];
		let cursor: string | null = null;
		let pages = 0;
		do {
			const res = await call(coordinator, { path: `/aid/office-hours?limit=2${cursor ? `&cursor=${cursor}` : ''}` });
			expect(res.status).toBe(200);
			const items = res.body.items as Array<{ id: string }>;
			expect(items.length).toBeLessThanOrEqual(2);
			seen.push(...items.map((h) => h.id));
			cursor = res.body.nextCursor as string | null;
			pages++;
		} while (cursor);
		expect(pages).toBe(3);
		expect(seen).toEqual(all.map((h) => h.id));
		for (const q of ['cursor=nonsense', `cursor=${Buffer.from('["x"]').toString('base64url')}`, 'limit=0', 'limit=201', 'limit=two']) {
			const res = await call(coordinator, { path: `/aid/office-hours?${q}` });
			expect(res.status, q).toBe(422);
			expect(fieldsOf(res.body), q).toEqual([q.split('=')[0]]);
		}
	});
});

describe('visits (countVisit, getVisit)', () => {
	const visit = (body: unknown, type?: string): ApiCall => ({ method: 'POST', path: '/aid/visits', body, type });

	it('counts a visit at an office hour or in a neighbourhood: 201 and its Location', async () => {
		const at = await call(outreach, visit({ officeHourId: made }));
		expect(at.status).toBe(201);
		expect(at.body).toMatchObject({ officeHourId: made, areaId: area.id, organisationId: org.id, personId: null });
		expect(at.headers.get('location')).toBe(`/api/v1/aid/visits/${at.body.id}`);
		const known = await call(facilitator, visit({ areaId: area.id, personId: georgi.id, officeHourId: null }));
		expect(known.status).toBe(201);
		expect(known.body).toMatchObject({ officeHourId: null, areaId: area.id, personId: georgi.id });
		const got = await call(facilitator, { path: `/aid/visits/${at.body.id}` });
		expect(got.status).toBe(200);
		expect(got.body).toEqual(at.body);
		expect(
			await statuses([
				[stranger, { path: `/aid/visits/${at.body.id}` }],
				[facilitator, { path: `/aid/visits/${UNKNOWN}` }],
				[facilitator, { path: '/aid/visits/nonsense' }],
				[coordinator, { path: `/aid/visits/${at.body.id}` }],
				[nobody, { path: `/aid/visits/${at.body.id}` }]
			])
		).toEqual([404, 404, 404, 403, 401]);
	});

	it('refuses a visit from the wrong role, another organisation or with bad input, and changes nothing', async () => {
		const before = await snapshot();
		expect(
			await statuses([
				[coordinator, visit({ officeHourId: made })],
				[volunteer, visit({ officeHourId: made })],
				[resident, visit({ officeHourId: made })],
				[readOnly(outreach), visit({ officeHourId: made })],
				[nobody, visit({ officeHourId: made })],
				[facilitator, visit({ areaId: otherArea.id })]
			])
		).toEqual([403, 403, 403, 403, 401, 403]);
		for (const [who, body, field] of [
			[facilitator, {}, 'areaId'],
			[facilitator, { officeHourId: 'nope' }, 'officeHourId'],
			[facilitator, { officeHourId: '' }, 'officeHourId'],
			[facilitator, { areaId: UNKNOWN }, 'areaId'],
			[facilitator, { officeHourId: made, areaId: otherArea.id }, 'areaId'],
			// Another organisation's office hour is a choice not offered.
			[stranger, { officeHourId: made }, 'officeHourId']
		] as const) {
			const res = await call(who, visit(body));
			expect(res.status, JSON.stringify(body)).toBe(422);
			expect(fieldsOf(res.body)).toEqual([field]);
		}
		expect((await call(facilitator, visit('officeHourId=x', 'text/plain'))).status).toBe(415);
		expect(await snapshot()).toEqual(before);
	});
});

describe('the neighbourhood board (setNeighbourhoodBoard, getNeighbourhoodBoard)', () => {
	const post = (ref: string, body: unknown, type?: string): ApiCall => ({ method: 'POST', path: `/areas/${ref}/board`, body, type });
	const get = (ref: string): ApiCall => ({ path: `/areas/${ref}/board` });

	it('is null until switched on, for anyone without a token; an unknown neighbourhood is a 404', async () => {
		const res = await call(nobody, get(area.code));
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ area: { code: area.code, name: 'Rabot', city: 'Gent' }, board: null });
		expect((await call(nobody, get('no-such-area'))).status).toBe(404);
	});

	it('refuses the wrong role, another neighbourhood or organisation and bad input, and changes nothing', async () => {
		const before = await snapshot();
		expect(
			await statuses([
				[volunteer, post(area.id, { show: true })],
				[outreach, post(area.id, { show: true })],
				[resident, post(area.id, { show: true })],
				[facilitator, post(otherArea.id, { show: true })],
				[readOnly(facilitator), post(area.id, { show: true })],
				[nobody, post(area.id, { show: true })]
			])
		).toEqual([403, 403, 403, 403, 403, 401]);
		for (const body of [{ show: 'yes' }, {}, { show: 'on' }]) {
			const res = await call(facilitator, post(area.id, body));
			expect(res.status, JSON.stringify(body)).toBe(422);
			expect(fieldsOf(res.body)).toEqual(['show']);
		}
		expect((await call(facilitator, post(area.id, 'show=on', 'text/plain'))).status).toBe(415);
		// The neighbourhood is the record switched: by id only; a code or an unknown id is a 404.
		expect((await call(facilitator, post(area.code, { show: true }))).status).toBe(404);
		expect((await call(coordinator, post(UNKNOWN, { show: true }))).status).toBe(404);
		// Whose needs: another organisation's is refused (whether it exists or not); an admin naming an
		// unknown one gets a field error, a malformed or empty one too.
		for (const organisationId of [otherOrg.id, UNKNOWN])
			expect((await call(facilitator, post(area.id, { show: true, organisationId }))).status, organisationId).toBe(403);
		for (const organisationId of [UNKNOWN, 'x', '']) {
			const res = await call(admin, post(area.id, { show: true, organisationId }));
			expect(res.status, organisationId).toBe(422);
			expect(fieldsOf(res.body)).toEqual(['organisationId']);
		}
		expect(await snapshot()).toEqual(before);
	});

	it('switches it on (audited); then anyone sees kinds of help and ISO times, never who asks', async () => {
		const audits = await total(coreAudit);
		const res = await call(facilitator, post(area.id, { show: true, organisationId: null }));
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ id: area.id, name: 'Rabot', code: area.code, organisationId: org.id, aidBoard: true });
		expect(await total(coreAudit)).toBe(audits + 1);
		for (const ref of [area.code, area.id]) {
			const shown = await call(nobody, get(ref));
			expect(shown.status).toBe(200);
			expect(shown.body.board).toEqual({
				total: 1,
				entries: [{ category: 'errands', windows: [{ day: 2, start: '09:00', end: '12:00' }], onParticularDays: false, weeksOpen: 0 }]
			});
			for (const secret of ['Georgi', 'Shopping', PHONE, org.id, georgi.id]) expect(shown.text).not.toContain(secret);
		}
		expect((await call(facilitator, get(otherArea.code))).body.board).toBeNull();
		const off = await call(coordinator, post(area.id, { show: false }));
		expect(off.body).toMatchObject({ aidBoard: false });
		expect((await call(nobody, get(area.code))).body.board).toBeNull();
	});
});

describe('a neighbourhood’s public office hours (listNeighbourhoodOfficeHours)', () => {
	const get = (ref: string, q = ''): ApiCall => ({ path: `/areas/${ref}/office-hours${q}` });

	it('gives anyone the public ones only, as the page shows them: weekday, times and place, no organisation', async () => {
		for (const ref of [area.code, area.id]) {
			const res = await call(nobody, get(ref));
			expect(res.status).toBe(200);
			expect(res.body).toEqual({
				area: { code: area.code, name: 'Rabot', city: 'Gent' },
				items: [{ id: made, place: hour.place, day: 2, start: '09:30', end: '12:00' }],
				nextCursor: null
			});
			expect(res.text).not.toContain(org.id);
		}
		expect((await call(nobody, get(otherArea.code))).body.items).toEqual([]);
		expect((await call(nobody, get('no-such-area'))).status).toBe(404);
	});

	it('pages by a cursor, and refuses a bad one', async () => {
		const later = await call(facilitator, create({ ...hour, day: 6, start: '10:00', end: '11:00' }));
		const first = await call(nobody, get(area.code, '?limit=1'));
		expect((first.body.items as Array<{ id: string }>).map((h) => h.id)).toEqual([made]);
		const second = await call(nobody, get(area.code, `?limit=1&cursor=${first.body.nextCursor}`));
		expect((second.body.items as Array<{ id: string }>).map((h) => h.id)).toEqual([later.body.id]);
		expect(second.body.nextCursor).toBeNull();
		const bad = await call(nobody, get(area.code, '?cursor=nonsense'));
		expect(bad.status).toBe(422);
		expect(fieldsOf(bad.body)).toEqual(['cursor']);
	});
});

describe('the reach figures (getMutualAidReach)', () => {
	const reach = (q: string): ApiCall => ({ path: `/aid/reach?${q}` });

	it('answers a coordinator with whole months; another organisation’s coordinator sees none of these links', async () => {
		const res = await call(coordinator, reach(`from=2025-01-15&to=2025-03-02&areaId=${area.id}`));
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ period: { from: '2025-01-01', to: '2025-03-31' }, areaId: area.id });
		expect((res.body.monthly as Array<{ month: string }>).map((r) => r.month)).toEqual(['2025-01', '2025-02', '2025-03']);
		const all = await call(strangerCoordinator, reach('from=2025-01-01&to=2025-12-31'));
		expect(all.status).toBe(200);
		expect(all.body.areaId).toBeNull();
		expect(Object.values(all.body.figures as Record<string, { value: number }>).every((c) => c.value === 0)).toBe(true);
	});

	it('refuses the wrong role and bad queries (422 with field errors), changing nothing', async () => {
		const before = await snapshot();
		const q = 'from=2025-01-01&to=2025-12-31';
		expect(
			await statuses([
				[facilitator, reach(q)],
				[resident, reach(q)],
				[nobody, reach(q)]
			])
		).toEqual([403, 403, 401]);
		for (const [query, field] of [
			['from=2025-02-01&to=2025-01-31', 'to'],
			['from=2020-01-01&to=2025-01-01', 'to'],
			['from=2025-02-30&to=2025-03-01', 'from'],
			['to=2025-03-01', 'from'],
			[`${q}&areaId=`, 'areaId'],
			[`${q}&areaId=x`, 'areaId']
		] as const) {
			const res = await call(coordinator, reach(query));
			expect(res.status, query).toBe(422);
			expect(fieldsOf(res.body), query).toEqual([field]);
		}
		expect(await snapshot()).toEqual(before);
	});
});
