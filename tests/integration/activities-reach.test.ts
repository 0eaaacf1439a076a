import { describe, expect, it } from 'vitest';
import { freshDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { attend, makeActivity, makeHousehold, makePeople, makePurpose, makeSession } from '../factories/activity-rows.ts';
import { getActivityReach, type ActivityReach } from '../../src/lib/server/activities/index.ts';
import { erasePersonData } from '../../src/lib/server/rights/index.ts';
import { ForbiddenError, InvalidError, NotFoundError } from '../../src/lib/server/core/errors.ts';

// Attendance rows inserted directly with chosen dates and people, so every figure has a known answer.
// Sessions at 18:00 UTC (19:00 or 20:00 in Brussels) unless the test is about the Belgian date.

const { db } = await freshDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const area = await makeArea(db);
const area2 = await makeArea(db);
const place = { organisationId: org.id, areaId: area.id };
const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id });
const ctx = ctxFor(db, coordinator.actor);
const year2025 = { from: '2025-01-01', to: '2025-12-31' };

const reach = (q: Record<string, unknown>, c = ctx) => getActivityReach(c, q as never) as Promise<ActivityReach>;

/** `n` weekly sessions of the activity from `first` (YYYY-MM-DD), each attended by these people. */
async function weekly(activity: Awaited<ReturnType<typeof makeActivity>>, first: string, n: number, people: string[], anonymous = 0) {
	const sessions = [];
	for (let i = 0; i < n; i++) {
		const s = await makeSession(db, activity, new Date(new Date(`${first}T18:00:00Z`).getTime() + i * 7 * 86_400_000).toISOString(), anonymous);
		await attend(db, s, people);
		sessions.push(s);
	}
	return sessions;
}

describe('getActivityReach: counting', () => {
	it('counts the same person once however many sessions they came to; the headcount stays beside', async () => {
		const a = await makeActivity(db, place, { title: 'Naaiatelier' });
		const people = await makePeople(db, place, 6);
		await weekly(
			a,
			'2025-02-03',
			10,
			people.map((p) => p.id),
			3
		);
		const r = await reach({ ...year2025, activityIds: [a.id] });
		expect(r.figures).toMatchObject({
			participants: { value: 6 },
			attendances: { value: 60 },
			sessions: { value: 10 },
			anonymous: { value: 30 },
			// Nobody has a household: each person is a family of their own.
			families: { value: 6 }
		});
		expect(r.activities).toEqual([
			expect.objectContaining({
				id: a.id,
				title: 'Naaiatelier',
				participants: { value: 6, suppressed: false },
				attendances: { value: 60, suppressed: false }
			})
		]);
		// Distinct per month: February has 4 sessions, all 6 people, all of them new that month.
		expect(r.monthly.find((m) => m.month === '2025-02')).toMatchObject({
			participants: { value: 6 },
			newcomers: { value: 6 },
			returning: { value: 0 }
		});
		expect(r.monthly.find((m) => m.month === '2025-03')).toMatchObject({
			participants: { value: 6 },
			newcomers: { value: 0 },
			returning: { value: 6 }
		});
		expect(r.monthly).toHaveLength(12);
	});

	it('counts a household of five as one family (on the session’s date), and someone without one as their own', async () => {
		const a = await makeActivity(db, place);
		const families = [];
		for (let i = 0; i < 5; i++) families.push(await makePeople(db, place, 5));
		for (const f of families)
			await makeHousehold(
				db,
				place,
				f.map((p) => p.id)
			);
		// A sixth household's members joined it only after the session: each is a family of their own then.
		const late = await makePeople(db, place, 5);
		await makeHousehold(
			db,
			place,
			late.map((p) => p.id),
			'2025-06-01'
		);
		await weekly(
			a,
			'2025-05-05',
			2,
			[...families.flat(), ...late].map((p) => p.id)
		);
		const r = await reach({ ...year2025, activityIds: [a.id] });
		expect(r.figures).toMatchObject({ participants: { value: 30 }, families: { value: 5 + 5 } });
	});

	it('counts children by their age at the session’s Belgian date, across a new year', async () => {
		const a = await makeActivity(db, place);
		const born2008 = (await makePeople(db, place, 5, { birthYear: 2008 })).map((p) => p.id);
		const born2009 = (await makePeople(db, place, 5, { birthYear: 2009 })).map((p) => p.id);
		// 31 December 2025, 20:00 in Brussels: the 2008s are 17. 31 December 23:30 UTC is already 2026 in Brussels: 18.
		await attend(db, await makeSession(db, a, '2025-12-31T19:00:00Z'), born2008);
		await attend(db, await makeSession(db, a, '2025-12-31T23:30:00Z'), born2009);
		await attend(db, await makeSession(db, a, '2026-01-10T10:00:00Z'), [...born2008, ...born2009]);
		const december = await reach({ from: '2025-12-01', to: '2025-12-31', activityIds: [a.id] });
		const january = await reach({ from: '2026-01-01', to: '2026-01-31', activityIds: [a.id] });
		// December (Brussels): only the 2008s came, aged 17. January: the 2008s are 18, the 2009s 17.
		expect(december.figures).toMatchObject({ participants: { value: 5 }, children: { value: 5 } });
		expect(january.figures).toMatchObject({ participants: { value: 10 }, children: { value: 5 } });
		expect(january.shares.children).toBe(50);
	});

	it('tells new from returning across the period’s start (first attendance ever in the organisation)', async () => {
		const a = await makeActivity(db, place);
		const b = await makeActivity(db, place);
		const old = (await makePeople(db, place, 5)).map((p) => p.id);
		const fresh = (await makePeople(db, place, 6)).map((p) => p.id);
		// The old ones came to another activity of the organisation in November 2024.
		await attend(db, await makeSession(db, b, '2024-11-20T18:00:00Z'), old);
		await attend(db, await makeSession(db, a, '2025-01-15T18:00:00Z'), [...old, ...fresh]);
		const r = await reach({ ...year2025, activityIds: [a.id] });
		expect(r.figures).toMatchObject({ participants: { value: 11 }, newcomers: { value: 6 }, returning: { value: 5 } });
		const wider = await reach({ from: '2024-11-01', to: '2025-12-31', activityIds: [a.id, b.id] });
		expect(wider.figures).toMatchObject({ participants: { value: 11 }, newcomers: { value: 11 }, returning: { value: 0 } });
		expect(wider.monthly.find((m) => m.month === '2025-01')).toMatchObject({ newcomers: { value: 6 }, returning: { value: 5 } });
	});

	it('hides counts of 1 to 4 and the part whose difference with the whole is 1 to 4', async () => {
		const a = await makeActivity(db, place);
		const kids = (await makePeople(db, place, 7, { birthYear: 2015 })).map((p) => p.id);
		const adults = (await makePeople(db, place, 2, { birthYear: 1980 })).map((p) => p.id);
		await attend(db, await makeSession(db, a, '2025-04-02T15:00:00Z', 2), [...kids, ...adults]);
		const r = await reach({ ...year2025, activityIds: [a.id] });
		expect(r.figures.participants).toEqual({ value: 9, suppressed: false });
		// 7 children of 9 participants: the 2 others would follow; so children is hidden too.
		expect(r.figures.children).toEqual({ value: null, suppressed: true });
		expect(r.figures.anonymous).toEqual({ value: null, suppressed: true });
		expect(r.shares.children).toBeNull();
	});
});

describe('getActivityReach: the Harelbeke holiday offer', async () => {
	const hOrg = await makeOrganisation(db, 'Harelbeke');
	const hArea = await makeArea(db, 'Harelbeke-centrum');
	const hPlace = { organisationId: hOrg.id, areaId: hArea.id };
	await makePurpose(db, hOrg.id, 'origin_statistics');
	await makePurpose(db, hOrg.id, 'social_situation');
	const hCoordinator = await makeActor(db, 'coordinator', { organisationId: hOrg.id });
	const hCtx = ctxFor(db, hCoordinator.actor);
	const offer = await makeActivity(db, hPlace, { title: 'Vakantiewerking', kind: 'recurring' });
	// 31 families: 30 with one adult (8 with three children, 22 with two), and two teenage siblings on their own.
	const everyone: string[] = [];
	let nth = 0;
	const facts = () => {
		nth++;
		// 85 of the 100 people of foreign origin, 25 clients of the social service.
		return {
			countryOfOrigin: nth <= 85 ? ['MA', 'TR', 'SY', 'AF', 'BG'][nth % 5]! : 'BE',
			socialServiceClient: nth <= 25,
			vulnerable: nth % 2 === 0
		};
	};
	const adultIds: string[] = [];
	for (let f = 0; f < 31; f++) {
		const members: string[] = [];
		if (f < 30) {
			const [adult] = await makePeople(db, hPlace, 1, { birthYear: 1985, ...facts() });
			members.push(adult!.id);
			adultIds.push(adult!.id);
		}
		const children = f < 8 ? 3 : f < 30 ? 2 : 2;
		for (let c = 0; c < children; c++)
			members.push((await makePeople(db, hPlace, 1, { birthYear: f === 30 ? 2009 + c : 2014 + c, ...facts() }))[0]!.id);
		await makeHousehold(db, hPlace, members);
		everyone.push(...members);
	}
	// Two weeks in July, every weekday; each family came to some of the days.
	for (let d = 0; d < 10; d++) {
		const s = await makeSession(db, offer, `2025-07-${String(7 + d + 2 * Math.floor(d / 5)).padStart(2, '0')}T08:00:00Z`, d === 0 ? 6 : 0);
		await attend(
			db,
			s,
			everyone.filter((_, i) => (i + d) % 3 !== 0)
		);
	}
	const q = { from: '2025-07-01', to: '2025-08-31', activityIds: [offer.id] };

	it('answers a token held outside the organisation (an officer over the API) rounded to 5; staff keep exact figures', async () => {
		const officer = await makeActor(db, 'officer', { organisationId: hOrg.id });
		const page = await reach(q, ctxFor(db, officer.actor));
		const api = await reach(q, ctxFor(db, { ...officer.actor, via: 'token' }));
		expect(page.figures.children).toEqual({ value: 70, suppressed: false });
		for (const [k, c] of Object.entries(api.figures)) {
			const exact = page.figures[k as keyof typeof page.figures];
			expect(c.suppressed, k).toBe(exact.suppressed);
			if (!c.suppressed) expect(c, k).toEqual({ value: Math.round(exact.value! / 5) * 5, suppressed: false, rounded: true });
		}
		// Families: 31 published as 30 to a funder; the coordinator's own token keeps 31.
		expect(api.figures.families.value).toBe(30);
		const own = await reach(q, ctxFor(db, { ...hCoordinator.actor, via: 'token' }));
		expect(own.figures.families).toEqual({ value: 31, suppressed: false });
	});

	it('gives exactly 31 families, 70 children, 85 % of foreign origin and 25 % clients of the social service', async () => {
		expect(everyone).toHaveLength(100);
		const r = await reach(q, hCtx);
		expect(r.figures).toMatchObject({
			participants: { value: 100 },
			families: { value: 31 },
			children: { value: 70 },
			foreignOrigin: { value: 85 },
			originUnknown: { value: 0 },
			socialServiceClients: { value: 25 },
			vulnerable: { value: 50 },
			sessions: { value: 10 },
			anonymous: { value: 6 },
			newcomers: { value: 100 }
		});
		expect(r.shares).toEqual({ children: 70, foreignOrigin: 85, vulnerable: 50, socialServiceClients: 25 });
		expect(r.countries.find((c) => c.country === 'BE')?.people).toEqual({ value: 15, suppressed: false });
		expect(r.countries.map((c) => c.people.value ?? 0).reduce((x, y) => x + y, 0)).toBe(100);
	});

	it('leaves every figure unchanged when a participant is erased', async () => {
		const before = await reach(q, hCtx);
		await db.transaction((tx) => erasePersonData(tx as unknown as typeof db, adultIds[3]!, 'Asked at the office'));
		await db.transaction((tx) => erasePersonData(tx as unknown as typeof db, everyone[99]!, 'Asked at the office'));
		expect(await reach(q, hCtx)).toEqual(before);
	});

	it('counts no country and no situation where the organisation has no purpose for them', async () => {
		const a = await makeActivity(db, place);
		const people = (await makePeople(db, place, 6, { countryOfOrigin: 'MA', socialServiceClient: true, vulnerable: true })).map((p) => p.id);
		await attend(db, await makeSession(db, a, '2025-03-03T18:00:00Z'), people);
		const r = await reach({ ...year2025, activityIds: [a.id] });
		expect(r.countries).toEqual([]);
		expect(r.figures).toMatchObject({
			participants: { value: 6 },
			foreignOrigin: { value: 0 },
			originUnknown: { value: 6 },
			socialServiceClients: { value: 0 },
			vulnerable: { value: 0 }
		});
	});
});

describe('getActivityReach: scope and input', async () => {
	const a1 = await makeActivity(db, place, { title: 'Area one' });
	const a2 = await makeActivity(db, { organisationId: org.id, areaId: area2.id }, { title: 'Area two' });
	const foreign = await makeActivity(db, { organisationId: otherOrg.id, areaId: area.id }, { title: 'Other organisation' });
	const p1 = (await makePeople(db, place, 5)).map((p) => p.id);
	const p2 = (await makePeople(db, { organisationId: org.id, areaId: area2.id }, 7)).map((p) => p.id);
	const pf = (await makePeople(db, { organisationId: otherOrg.id, areaId: area.id }, 9)).map((p) => p.id);
	await attend(db, await makeSession(db, a1, '2023-03-01T18:00:00Z'), p1);
	await attend(db, await makeSession(db, a2, '2023-03-01T18:00:00Z'), p2);
	await attend(db, await makeSession(db, foreign, '2023-03-01T18:00:00Z'), pf);
	const y2023 = { from: '2023-01-01', to: '2023-12-31' };
	const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
	const otherCoordinator = await makeActor(db, 'coordinator', { organisationId: otherOrg.id });

	it('shows an area-bound facilitator only their neighbourhood, and an organisation only its own', async () => {
		expect((await reach(y2023)).figures.participants.value).toBe(12);
		expect((await reach(y2023, ctxFor(db, facilitator.actor))).figures.participants.value).toBe(5);
		expect((await reach({ ...y2023, areaId: area2.id })).figures.participants.value).toBe(7);
		expect((await reach(y2023, ctxFor(db, otherCoordinator.actor))).figures.participants.value).toBe(9);
		expect((await reach({ ...y2023, kind: 'focus_group' })).figures.participants.value).toBe(0);
	});

	it('answers a neighbourhood or activity outside the scope as an unknown one (404)', async () => {
		await expect(reach({ ...y2023, areaId: area2.id }, ctxFor(db, facilitator.actor))).rejects.toBeInstanceOf(NotFoundError);
		await expect(reach({ ...y2023, activityIds: [a2.id] }, ctxFor(db, facilitator.actor))).rejects.toBeInstanceOf(NotFoundError);
		await expect(reach({ ...y2023, activityIds: [foreign.id] })).rejects.toBeInstanceOf(NotFoundError);
		await expect(reach({ ...y2023, activityIds: ['00000000-0000-4000-8000-000000000000'] })).rejects.toBeInstanceOf(NotFoundError);
	});

	it('refuses residents and volunteers (403)', async () => {
		for (const role of ['resident', 'volunteer'] as const) {
			const who = await makeActor(db, role, { organisationId: org.id });
			await expect(reach(y2023, ctxFor(db, who.actor))).rejects.toBeInstanceOf(ForbiddenError);
		}
	});

	it('refuses a period before 1900, over 10 years, reversed, or a bad kind (422)', async () => {
		for (const bad of [
			{ from: '1899-12-01', to: '1900-03-31' },
			{ from: '2010-01-01', to: '2020-01-01' },
			{ from: '2025-05-01', to: '2025-01-31' },
			{ ...y2023, kind: 'party' },
			{ ...y2023, activityIds: ['nope'] }
		])
			await expect(reach(bad)).rejects.toBeInstanceOf(InvalidError);
		// Just under 10 years is allowed.
		expect((await reach({ from: '2015-01-01', to: '2024-12-31' })).monthly).toHaveLength(120);
	});
});
