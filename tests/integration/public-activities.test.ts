import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { joinActivity, publicActivities, publicActivity } from '../../src/lib/server/activities/index.ts';
import { activitiesActivity, activitiesRegistration, activitiesSession } from '../../src/lib/server/activities/schema.ts';
import { anonymous } from '../../src/lib/server/core/context.ts';
import { AppError, InvalidError, NotFoundError } from '../../src/lib/server/core/errors.ts';
import { addDays, belgianLocalToInstant, todayInBelgium } from '../../src/lib/server/core/time.ts';

// Public activities of a neighbourhood as anyone sees them, and "I'm coming" without an account.

const { db } = await freshDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const area = await makeArea(db);
const otherArea = await makeArea(db);
const today = todayInBelgium();
const anon = ctxFor(db, anonymous);

async function activity(facts: Partial<typeof activitiesActivity.$inferInsert>, sessionsInDays: number[] = [2, 9, 16, 70]) {
	const [a] = await db
		.insert(activitiesActivity)
		.values({
			organisationId: org.id,
			areaId: area.id,
			kind: 'recurring',
			recurrence: 'weekly',
			title: 'Naaiatelier',
			public: true,
			startsOn: today,
			...facts
		})
		.returning();
	for (const d of sessionsInDays) {
		const day = addDays(today, d);
		await db.insert(activitiesSession).values({
			activityId: a!.id,
			organisationId: a!.organisationId,
			areaId: a!.areaId,
			startsAt: belgianLocalToInstant(day, '14:00'),
			endsAt: belgianLocalToInstant(day, '16:00'),
			placeName: 'Wijkhuis'
		});
	}
	return a!;
}

const sewing = await activity({ title: 'Naaiatelier', placeName: 'Wijkhuis' }, [-7, 2, 9, 16, 70]);
const grocery = await activity({ title: 'Sociale kruidenier', organisationId: otherOrg.id, capacity: 2 });
const hidden = await activity({ title: 'Focusgroep', public: false, kind: 'focus_group' });
const archived = await activity({ title: 'Oud', archivedAt: new Date() });
const elsewhere = await activity({ title: 'Elders', areaId: otherArea.id });

const rows = async (activityId: string) =>
	(await db.select({ n: count() }).from(activitiesRegistration).where(eq(activitiesRegistration.activityId, activityId)))[0]!.n;
const callback = { firstName: 'Mira', phone: '0470 12 34 56', consent: 'on' };

describe('what the neighbourhood page lists', () => {
	it('only the public, live activities of that neighbourhood (any organisation), with sessions of the next eight weeks', async () => {
		const { area: a, activities } = await publicActivities(anon, { code: area.code });
		expect(a.id).toBe(area.id);
		expect(activities.map((x) => x.title)).toEqual(['Naaiatelier', 'Sociale kruidenier']);
		const s = activities.find((x) => x.id === sewing.id)!;
		// Not last week's session, not the one in ten weeks.
		expect(s.sessions).toHaveLength(3);
		expect(s.sessions[0]!.startsAt).toEqual(belgianLocalToInstant(addDays(today, 2), '14:00'));
		expect(s.pattern).toMatchObject({ recurrence: 'weekly', start: 14 * 60, end: 16 * 60 });
		expect(s.place).toBe('Wijkhuis');
		expect(JSON.stringify(activities)).not.toMatch(/Focusgroep|Oud|Elders/);
		// A public activity with nothing planned in the next eight weeks is not listed (its page still is).
		const later = await activity({ title: 'Later' }, [-3, 60]);
		expect((await publicActivities(anon, { code: area.code })).activities.map((x) => x.id)).not.toContain(later.id);
		expect((await publicActivity(anon, { code: area.code, id: later.id })).activity.sessions).toHaveLength(1);
		const other = await publicActivities(anon, { code: otherArea.code });
		expect(other.activities.map((x) => x.id)).toEqual([elsewhere.id]);
	});

	it('answers an unknown neighbourhood with a 404', async () => {
		await expect(publicActivities(anon, { code: 'nope' })).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('a public activity page', () => {
	it('shows a public one with its places left', async () => {
		const r = await publicActivity(anon, { code: area.code, id: grocery.id });
		expect(r.activity.title).toBe('Sociale kruidenier');
		expect(r.placesLeft).toBe(2);
		expect((await publicActivity(anon, { code: area.code, id: sewing.id })).placesLeft).toBeNull(); // no capacity
	});

	it('answers a private, archived, another neighbourhood’s or unknown activity with the same 404', async () => {
		for (const [code, id] of [
			[area.code, hidden.id],
			[area.code, archived.id],
			[area.code, elsewhere.id],
			[otherArea.code, sewing.id],
			[area.code, '00000000-0000-4000-8000-000000000000'],
			[area.code, 'not-a-uuid']
		] as const) {
			await expect(publicActivity(anon, { code, id })).rejects.toBeInstanceOf(NotFoundError);
			await expect(joinActivity(anon, { code, id, ...callback })).rejects.toBeInstanceOf(NotFoundError);
		}
		expect(await rows(hidden.id)).toBe(0);
		expect(await rows(elsewhere.id)).toBe(0);
	});
});

describe("I'm coming, without an account", () => {
	it('without the consent: 422, and nothing is kept', async () => {
		const e = await joinActivity(anon, { code: area.code, id: sewing.id, firstName: 'Mira', phone: '0470123456' }).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(InvalidError);
		expect((e as InvalidError).status).toBe(422);
		expect((e as InvalidError).fields).toEqual({ consent: 'pub_error_consent' });
		expect(await rows(sewing.id)).toBe(0);
	});

	it('refuses a missing first name, a phone of letters and a first name of 500 characters, keeping nothing', async () => {
		const cases: [Record<string, string>, Record<string, string>][] = [
			[{ firstName: '' }, { firstName: 'pub_error_first_name' }],
			[{ phone: 'call me maybe' }, { phone: 'pub_error_phone' }],
			[{ phone: '' }, { phone: 'pub_error_phone_required' }],
			[{ phone: '12' }, { phone: 'pub_error_phone' }],
			[{ firstName: 'M'.repeat(500) }, { firstName: 'pub_error_first_name_long' }],
			[{ firstName: '<script>' }, { firstName: 'pub_error_first_name' }]
		];
		for (const [change, fields] of cases) {
			const e = await joinActivity(anon, { code: area.code, id: sewing.id, ...callback, ...change }).catch((x: unknown) => x);
			expect(e).toBeInstanceOf(InvalidError);
			expect((e as InvalidError).status).toBe(422);
			expect((e as InvalidError).fields).toMatchObject(fields);
		}
		expect(await rows(sewing.id)).toBe(0);
	});

	it('with the consent: one row with the first name, phone and the moment of consent, nothing else', async () => {
		const before = Date.now();
		const r = await joinActivity(anon, { code: area.code, id: sewing.id, ...callback, email: 'ignored@example.org' } as never);
		expect(r.status).toBe('registered');
		const saved = await db.select().from(activitiesRegistration).where(eq(activitiesRegistration.activityId, sewing.id));
		expect(saved).toHaveLength(1);
		expect(saved[0]).toMatchObject({
			firstName: 'Mira',
			phone: '0470 12 34 56',
			status: 'registered',
			personId: null,
			userId: null,
			organisationId: org.id
		});
		expect(saved[0]!.callbackConsentAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
	});

	it('beyond the capacity: on the waiting list', async () => {
		const statuses = [];
		for (const firstName of ['Ana', 'Bo', 'Cem'])
			statuses.push((await joinActivity(anon, { code: area.code, id: grocery.id, ...callback, firstName })).status);
		expect(statuses).toEqual(['registered', 'registered', 'waiting']);
		expect((await publicActivity(anon, { code: area.code, id: grocery.id })).placesLeft).toBe(0);
		// The row belongs to the activity's organisation, whoever asked.
		const saved = await db.select().from(activitiesRegistration).where(eq(activitiesRegistration.activityId, grocery.id));
		expect(saved.every((r) => r.organisationId === otherOrg.id)).toBe(true);
	});

	it('stops a burst of call-backs for one activity (429) and keeps nothing more', async () => {
		const burst = await activity({ title: 'Burst' });
		for (let i = 0; i < 20; i++) await joinActivity(anon, { code: area.code, id: burst.id, ...callback, firstName: `N${i}x` });
		const e = await joinActivity(anon, { code: area.code, id: burst.id, ...callback }).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(AppError);
		expect((e as AppError).status).toBe(429);
		expect(await rows(burst.id)).toBe(20);
	});
});

describe("I'm coming, signed in", () => {
	it('registers the account and its person once, with no name or phone asked', async () => {
		const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: area.id });
		const ctx = ctxFor(db, resident.actor);
		const first = await joinActivity(ctx, { code: area.code, id: sewing.id });
		const again = await joinActivity(ctx, { code: area.code, id: sewing.id });
		expect(again.id).toBe(first.id);
		const saved = await db.select().from(activitiesRegistration).where(eq(activitiesRegistration.userId, resident.user.id));
		expect(saved).toHaveLength(1);
		expect(saved[0]).toMatchObject({ personId: resident.person.id, firstName: null, phone: null, callbackConsentAt: null, status: 'registered' });
	});

	it('refuses a private activity to staff of its own organisation too (the public page is not the work page)', async () => {
		const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id });
		await expect(joinActivity(ctxFor(db, coordinator.actor), { code: area.code, id: hidden.id })).rejects.toBeInstanceOf(NotFoundError);
		expect(await rows(hidden.id)).toBe(0);
	});
});
