import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { registerPerson, createHousehold } from '../../src/lib/server/people/index.ts';
import { areasPlace } from '../../src/lib/server/areas/schema.ts';
import { activitiesActivity, activitiesAttendance, activitiesRegistration, activitiesSession } from '../../src/lib/server/activities/schema.ts';
import {
	cancelRegistration,
	createActivity,
	createSession,
	getActivity,
	listActivities,
	registerForActivity,
	updateActivity
} from '../../src/lib/server/activities/index.ts';
import { addDays, belgianClock, todayInBelgium } from '../../src/lib/server/core/index.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';

// Activities on a real PostgreSQL: the walls between organisations and neighbourhoods, refused input
// changing nothing, the waiting list and its move-up, and a series edit that leaves the past alone.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const area = await makeArea(db);
const otherArea = await makeArea(db);
const worker = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id });
const neighbour = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: otherArea.id });
const stranger = await makeActor(db, 'coordinator', { organisationId: otherOrg.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: area.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
const officer = await makeActor(db, 'officer', { organisationId: org.id });
const w = ctxFor(db, worker.actor);
const [house] = await db
	.insert(areasPlace)
	.values({ areaId: area.id, organisationId: org.id, name: 'Buurthuis', kind: 'neighbourhood_house' })
	.returning();
const [elsewhere] = await db
	.insert(areasPlace)
	.values({ areaId: otherArea.id, organisationId: org.id, name: 'Other house', kind: 'neighbourhood_house' })
	.returning();
const people = await Promise.all(
	['Amina', 'Bram', 'Chloé', 'Dries'].map((firstName) => registerPerson(w, { firstName, organisationId: org.id, areaId: area.id }))
);
const outsider = await registerPerson(ctxFor(db, stranger.actor), { firstName: 'Elsewhere', organisationId: otherOrg.id });

const today = todayInBelgium();
const weekly = {
	organisationId: org.id,
	areaId: area.id,
	kind: 'recurring' as const,
	title: 'Naaiatelier',
	placeId: house!.id,
	themes: ['leisure' as const],
	recurrence: 'weekly' as const,
	startsOn: addDays(today, -21),
	endsOn: addDays(today, 35),
	startTime: '14:00',
	durationMinutes: 120
};

const rows = async () => ({
	activities: ((await db.select({ n: count() }).from(activitiesActivity)) as [{ n: number }])[0].n,
	sessions: ((await db.select({ n: count() }).from(activitiesSession)) as [{ n: number }])[0].n,
	registrations: ((await db.select({ n: count() }).from(activitiesRegistration)) as [{ n: number }])[0].n
});

const refused = async (p: Promise<unknown>) => {
	try {
		await p;
	} catch (e) {
		return e as { status: number; key: string; fields?: Record<string, string> };
	}
	throw new Error('not refused');
};

const sessionsOf = (activityId: string) =>
	db.select().from(activitiesSession).where(eq(activitiesSession.activityId, activityId)).orderBy(activitiesSession.startsAt);

describe('createActivity', () => {
	it('lays out a weekly series as session rows at 14:00 Brussels and audits', async () => {
		const out = await createActivity(w, weekly);
		expect(out.sessions).toBe(9);
		const sessions = await sessionsOf(out.id);
		expect(sessions).toHaveLength(9);
		expect(sessions.every((s) => belgianClock(s.startsAt).minute === 14 * 60)).toBe(true);
		expect(sessions.every((s) => s.organisationId === org.id && s.areaId === area.id && s.placeId === house!.id)).toBe(true);
		const [a] = await db.select().from(activitiesActivity).where(eq(activitiesActivity.id, out.id));
		expect({ organiser: a!.organiserUserId, recurrence: a!.recurrence, time: a!.startTime }).toEqual({
			organiser: worker.user.id,
			recurrence: 'weekly',
			time: '14:00:00'
		});
		const [audited] = await db.select({ n: count() }).from(coreAudit).where(eq(coreAudit.entityId, out.id));
		expect(audited!.n).toBe(1);
	});

	it('makes one session for a one-off event', async () => {
		const out = await createActivity(w, {
			...weekly,
			kind: 'one_off',
			title: 'Kinderfeest',
			recurrence: null,
			startsOn: addDays(today, 10),
			endsOn: null
		});
		expect(out.sessions).toBe(1);
		expect(await sessionsOf(out.id)).toHaveLength(1);
	});

	it('refuses the wrong roles, another organisation and another neighbourhood, changing nothing', async () => {
		const before = await rows();
		for (const who of [resident, volunteer, officer]) expect((await refused(createActivity(ctxFor(db, who.actor), weekly))).status).toBe(403);
		expect((await refused(createActivity(ctxFor(db, stranger.actor), weekly))).status).toBe(403);
		expect((await refused(createActivity(ctxFor(db, neighbour.actor), weekly))).status).toBe(403);
		// A neighbourhood-bound worker cannot make an organisation-wide activity.
		expect((await refused(createActivity(w, { ...weekly, areaId: null }))).status).toBe(403);
		expect(await rows()).toEqual(before);
	});

	it('refuses bad input with a field error and changes nothing', async () => {
		const before = await rows();
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ capacity: -1 }, 'capacity'],
			[{ themes: ['astrology'] }, 'themes'],
			[{ placeId: elsewhere!.id }, 'placeId'],
			[{ endsOn: addDays(weekly.startsOn, -1) }, 'endsOn'],
			[{ startTime: '25:00' }, 'startTime'],
			[{ placeId: null, placeName: '' }, 'placeName'],
			[{ recurrence: null }, 'recurrence'],
			[{ organiserUserId: stranger.user.id }, 'organiserUserId']
		];
		for (const [change, field] of cases) {
			const e = await refused(createActivity(w, { ...weekly, ...change } as typeof weekly));
			expect(e.status, field).toBe(422);
			expect(Object.keys(e.fields ?? {}), field).toContain(field);
		}
		expect(await rows()).toEqual(before);
	});
});

describe('listActivities and getActivity', () => {
	it('lists only what the actor may see, filtered, in pages', async () => {
		await createActivity(ctxFor(db, neighbour.actor), {
			...weekly,
			areaId: otherArea.id,
			placeId: elsewhere!.id,
			title: 'Elders',
			kind: 'focus_group',
			recurrence: null
		});
		await createActivity(ctxFor(db, stranger.actor), {
			...weekly,
			organisationId: otherOrg.id,
			areaId: null,
			placeId: null,
			placeName: 'Far away',
			title: 'Other org'
		});
		const mine = await listActivities(w, {});
		expect(mine.items.map((a) => a.title).sort()).toEqual(['Kinderfeest', 'Naaiatelier']);
		const all = await listActivities(ctxFor(db, coordinator.actor), {});
		expect(all.items.map((a) => a.title).sort()).toEqual(['Elders', 'Kinderfeest', 'Naaiatelier']);
		expect((await listActivities(ctxFor(db, coordinator.actor), { kind: 'focus_group' })).items.map((a) => a.title)).toEqual(['Elders']);
		expect((await listActivities(ctxFor(db, coordinator.actor), { theme: 'housing' })).items).toEqual([]);
		expect((await listActivities(ctxFor(db, coordinator.actor), { areaId: otherArea.id })).items.map((a) => a.title)).toEqual(['Elders']);
		expect((await listActivities(ctxFor(db, coordinator.actor), { to: addDays(today, -30) })).items).toEqual([]);
		const first = await listActivities(ctxFor(db, coordinator.actor), { limit: 2 });
		expect(first.items).toHaveLength(2);
		const second = await listActivities(ctxFor(db, coordinator.actor), { limit: 2, cursor: first.nextCursor! });
		expect(second.items.map((a) => a.title)).toHaveLength(1);
		expect(second.nextCursor).toBeNull();
		for (const who of [resident, volunteer, officer]) expect((await refused(listActivities(ctxFor(db, who.actor), {}))).status).toBe(403);
	});

	it('reads one activity in scope and answers 404 outside it', async () => {
		const [a] = (await listActivities(w, { kind: 'recurring' })).items;
		const got = await getActivity(w, { id: a!.id });
		expect(got.sessions.length).toBe(9);
		expect(got.place).toBe('Buurthuis');
		expect((await refused(getActivity(ctxFor(db, stranger.actor), { id: a!.id }))).status).toBe(404);
		expect((await refused(getActivity(ctxFor(db, neighbour.actor), { id: a!.id }))).status).toBe(404);
		expect((await refused(getActivity(w, { id: '00000000-0000-4000-8000-000000000000' }))).status).toBe(404);
		expect((await refused(getActivity(ctxFor(db, resident.actor), { id: a!.id }))).status).toBe(403);
	});
});

describe('createSession', () => {
	it('adds a session, refuses one that ends before it starts, and refuses outsiders', async () => {
		const { id } = await createActivity(w, { ...weekly, title: 'Extra', kind: 'one_off', recurrence: null, startsOn: addDays(today, 3) });
		const out = await createSession(w, { activityId: id, day: addDays(today, 4), startTime: '10:00', endTime: '11:30' });
		const sessions = await sessionsOf(id);
		expect(sessions.map((s) => s.id)).toContain(out.id);
		expect(sessions.find((s) => s.id === out.id)!.placeId).toBe(house!.id);
		const before = await rows();
		const e = await refused(createSession(w, { activityId: id, day: addDays(today, 4), startTime: '11:00', endTime: '10:00' }));
		expect([e.status, e.fields]).toEqual([422, { endTime: 'act_error_session_order' }]);
		expect(
			(await refused(createSession(w, { activityId: id, day: addDays(today, 4), startTime: '10:00', endTime: '11:00', placeId: elsewhere!.id })))
				.status
		).toBe(422);
		expect(
			(await refused(createSession(ctxFor(db, stranger.actor), { activityId: id, day: addDays(today, 4), startTime: '10:00', endTime: '11:00' })))
				.status
		).toBe(404);
		expect(
			(await refused(createSession(ctxFor(db, neighbour.actor), { activityId: id, day: addDays(today, 4), startTime: '10:00', endTime: '11:00' })))
				.status
		).toBe(404);
		expect(
			(await refused(createSession(ctxFor(db, resident.actor), { activityId: id, day: addDays(today, 4), startTime: '10:00', endTime: '11:00' })))
				.status
		).toBe(403);
		expect(await rows()).toEqual(before);
	});
});

describe('registerForActivity and cancelRegistration', () => {
	it('fills the places, then the waiting list in order, and moves the first waiting one up on a cancel', async () => {
		const { id } = await createActivity(w, { ...weekly, title: 'Two places', capacity: 2 });
		const statuses = [];
		for (const p of people) statuses.push((await registerForActivity(w, { activityId: id, personId: p.id })).registrations[0]!.status);
		expect(statuses).toEqual(['registered', 'registered', 'waiting', 'waiting']);
		const got = await getActivity(w, { id });
		expect(got.taken).toBe(2);
		expect(got.registrations.filter((r) => r.status === 'waiting').map((r) => [r.firstName, r.position, r.statusClass, r.counted])).toEqual([
			['Chloé', 1, 'waiting', false],
			['Dries', 2, 'waiting', false]
		]);
		const amina = got.registrations.find((r) => r.firstName === 'Amina')!;
		const out = await cancelRegistration(w, { id: amina.id });
		expect(out.movedUp).toHaveLength(1);
		const after = await getActivity(w, { id });
		expect(after.registrations.map((r) => [r.firstName, r.status])).toEqual([
			['Amina', 'cancelled'],
			['Bram', 'registered'],
			['Chloé', 'registered'],
			['Dries', 'waiting']
		]);
		expect(after.registrations.find((r) => r.firstName === 'Dries')!.position).toBe(1);
		// Cancelling someone waiting frees no place: nobody moves.
		expect((await cancelRegistration(w, { id: after.registrations.find((r) => r.firstName === 'Dries')!.id })).movedUp).toEqual([]);
		// Amina may register again after her cancellation: she waits behind nobody, but there is no place.
		expect((await registerForActivity(w, { activityId: id, personId: people[0]!.id })).registrations[0]!.status).toBe('waiting');
	});

	it('refuses the same person twice, outsiders and bad input, changing nothing', async () => {
		const { id } = await createActivity(w, { ...weekly, title: 'Once each' });
		await registerForActivity(w, { activityId: id, personId: people[0]!.id });
		const before = await rows();
		const twice = await refused(registerForActivity(w, { activityId: id, personId: people[0]!.id }));
		expect([twice.status, twice.fields]).toEqual([422, { personId: 'act_error_already_registered' }]);
		expect((await refused(registerForActivity(w, { activityId: id, personId: outsider.id }))).status).toBe(404);
		expect((await refused(registerForActivity(ctxFor(db, stranger.actor), { activityId: id, personId: outsider.id }))).status).toBe(404);
		expect((await refused(registerForActivity(ctxFor(db, neighbour.actor), { activityId: id, personId: people[1]!.id }))).status).toBe(404);
		for (const who of [resident, volunteer, officer])
			expect((await refused(registerForActivity(ctxFor(db, who.actor), { activityId: id, personId: people[1]!.id }))).status).toBe(403);
		expect((await refused(registerForActivity(w, { activityId: id }))).status).toBe(422);
		const [other] = await sessionsOf((await listActivities(w, { kind: 'one_off' })).items[0]!.id);
		expect((await refused(registerForActivity(w, { activityId: id, personId: people[1]!.id, sessionId: other!.id }))).fields).toEqual({
			sessionId: 'error_choice'
		});
		const [reg] = await db.select().from(activitiesRegistration).where(eq(activitiesRegistration.activityId, id));
		expect((await refused(cancelRegistration(ctxFor(db, stranger.actor), { id: reg!.id }))).status).toBe(404);
		expect((await refused(cancelRegistration(ctxFor(db, resident.actor), { id: reg!.id }))).status).toBe(403);
		expect(await rows()).toEqual(before);
	});

	it('registers a whole household, one row per current member with the household noted', async () => {
		const { id } = await createActivity(w, { ...weekly, title: 'Family day', kind: 'one_off', recurrence: null, capacity: 3 });
		const h = await createHousehold(w, {
			organisationId: org.id,
			areaId: area.id,
			members: [
				{ personId: people[1]!.id, role: 'adult', head: true },
				{ personId: people[2]!.id, role: 'child' },
				{ personId: people[3]!.id, role: 'child' }
			]
		});
		await registerForActivity(w, { activityId: id, personId: people[0]!.id });
		const out = await registerForActivity(w, { activityId: id, householdId: h.id });
		expect(out.registrations.map((r) => r.status)).toEqual(['registered', 'registered', 'waiting']);
		const regs = await db.select().from(activitiesRegistration).where(eq(activitiesRegistration.activityId, id));
		expect(regs.filter((r) => r.householdId === h.id)).toHaveLength(3);
		const again = await refused(registerForActivity(w, { activityId: id, householdId: h.id }));
		expect(again.fields).toEqual({ householdId: 'act_error_already_registered' });
	});
});

describe('updateActivity', () => {
	it('replaces only the sessions to come that nobody attended and that are not closed', async () => {
		// No session today, so the test means the same at any hour: days −20, −13, −6, 1, 8, 15, 22, 29.
		const series = { ...weekly, startsOn: addDays(today, -20) };
		const { id } = await createActivity(w, { ...series, title: 'Series to edit' });
		const before = await sessionsOf(id);
		const now = new Date();
		const past = before.filter((s) => s.startsAt < now);
		const future = before.filter((s) => s.startsAt > now);
		expect(past.length).toBeGreaterThan(0);
		// One session to come already has someone recorded, another is closed: both stay.
		await db.insert(activitiesAttendance).values({
			sessionId: future[0]!.id,
			personId: people[0]!.id,
			activityId: id,
			organisationId: org.id,
			areaId: area.id,
			sessionStartsAt: future[0]!.startsAt
		});
		await db.update(activitiesSession).set({ closedAt: now }).where(eq(activitiesSession.id, future[1]!.id));
		const out = await updateActivity(w, {
			...series,
			id,
			title: 'Series edited',
			startTime: '16:00',
			durationMinutes: 90,
			endsOn: addDays(today, 21)
		});
		const after = await sessionsOf(id);
		for (const s of [...past, future[0]!, future[1]!]) {
			const same = after.find((a) => a.id === s.id)!;
			expect([same.startsAt.toISOString(), same.endsAt.toISOString()]).toEqual([s.startsAt.toISOString(), s.endsAt.toISOString()]);
		}
		const changed = after.filter((s) => s.startsAt > now && ![future[0]!.id, future[1]!.id].includes(s.id));
		expect(changed.length).toBeGreaterThan(0);
		expect(changed.every((s) => belgianClock(s.startsAt).minute === 16 * 60 && s.endsAt.getTime() - s.startsAt.getTime() === 90 * 60_000)).toBe(true);
		// The end moved two weeks earlier: no session after it but the kept ones.
		expect(changed.every((s) => belgianClock(s.startsAt).day <= addDays(today, 21))).toBe(true);
		// Day 15 moved to 16:00; days 22 and 29 are gone; days 1 and 8 keep their one session each.
		expect([out.moved, out.added, out.removed, out.cancelled]).toEqual([1, 0, 2, 0]);
		expect(after).toHaveLength(past.length + 3);
		const [a] = await db.select().from(activitiesActivity).where(eq(activitiesActivity.id, id));
		expect([a!.title, a!.startTime, a!.endsOn]).toEqual(['Series edited', '16:00:00', addDays(today, 21)]);
	});

	it('refuses outsiders and bad input, changing nothing', async () => {
		const { id } = await createActivity(w, { ...weekly, title: 'Do not touch' });
		const before = await sessionsOf(id);
		expect((await refused(updateActivity(ctxFor(db, stranger.actor), { ...weekly, id }))).status).toBe(404);
		expect((await refused(updateActivity(ctxFor(db, neighbour.actor), { ...weekly, id }))).status).toBe(404);
		expect((await refused(updateActivity(ctxFor(db, resident.actor), { ...weekly, id }))).status).toBe(403);
		expect((await refused(updateActivity(w, { ...weekly, id, capacity: -1 }))).status).toBe(422);
		expect((await refused(updateActivity(w, { ...weekly, id, placeId: elsewhere!.id }))).status).toBe(422);
		expect((await refused(updateActivity(w, { ...weekly, id, endsOn: addDays(weekly.startsOn, -1) }))).status).toBe(422);
		const after = await sessionsOf(id);
		expect(after.map((s) => [s.id, s.startsAt.toISOString()])).toEqual(before.map((s) => [s.id, s.startsAt.toISOString()]));
		const [a] = await db.select().from(activitiesActivity).where(eq(activitiesActivity.id, id));
		expect(a!.title).toBe('Do not touch');
	});
});
