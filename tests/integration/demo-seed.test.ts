import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freshDatabase } from './db.ts';
import { seedDemo } from '../../src/lib/server/seed/demo.ts';
import { loadActor } from '../../src/lib/server/access/index.ts';
import { getMutualAidReach, lastTwelveMonths, listNeeds, suggestMatches } from '../../src/lib/server/aid/index.ts';
import { listPartners } from '../../src/lib/server/network/index.ts';
import { todayInBelgium } from '../../src/lib/server/core/time.ts';
import { authUser } from '../../src/lib/server/auth/schema.ts';
import { eq } from 'drizzle-orm';

const { db } = await freshDatabase();

describe('the demo seed', () => {
	it('runs once, with mutual aid a facilitator can work with', async () => {
		expect(await seedDemo(db)).toBe(true);
		expect(await seedDemo(db)).toBe(false);
		// Every volunteer's counted places match their accepted links, within capacity.
		const drift = await db.execute(sql`
			select o.id from aid_offer o
			where o.active_links <> (select count(*) from aid_link l where l.offer_id = o.id and l.status in ('accepted','took_place'))`);
		expect(drift.rows).toEqual([]);
		const [user] = await db.select().from(authUser).where(eq(authUser.email, 'facilitator@example.org'));
		const actor = (await loadActor(db, user!.id))!;
		const queue = (await listNeeds({ db, actor })).items;
		expect(queue.length).toBeGreaterThanOrEqual(3);
		const withCandidates = await Promise.all(queue.map((n) => suggestMatches({ db, actor }, { needId: n.id })));
		expect(withCandidates.some((s) => s.candidates.length > 0)).toBe(true);
		// A need on a specific day (a move) meets a volunteer free that day, and the reason says so.
		const moving = queue.find((n) => n.dates.length > 0);
		expect(moving, 'a demo need with a date').toBeTruthy();
		const forMoving = withCandidates.find((s) => s.needId === moving!.id)!;
		expect(forMoving.candidates[0]?.reasons.map((r) => r.code)).toContain('date');
		// Enough links in the last year that the coordinator's figures are not all suppressed.
		const made = await db.execute<{ n: number }>(sql`select count(*)::int as n from aid_link where took_place_at > now() - interval '365 days'`);
		expect(made.rows[0]!.n).toBeGreaterThanOrEqual(5);
	});

	it('gives the coordinator real figures over the default period: every figure shown, a bar in every month and most categories', async () => {
		const [user] = await db.select().from(authUser).where(eq(authUser.email, 'coordinator@example.org'));
		const actor = (await loadActor(db, user!.id))!;
		const reach = await getMutualAidReach({ db, actor }, { areaId: null, ...lastTwelveMonths(todayInBelgium()) });
		const hidden = Object.entries(reach.figures).filter(([, c]) => c.suppressed || !c.value);
		expect(hidden, 'figures hidden or zero').toEqual([]);
		expect(reach.monthly).toHaveLength(12);
		for (const month of reach.monthly) {
			expect(month.made.value, `made in ${month.month}`).toBeGreaterThanOrEqual(5);
			expect(month.completed.value, `completed in ${month.month}`).toBeGreaterThanOrEqual(5);
		}
		const withBars = reach.byCategory.filter((c) => (c.made.value ?? 0) >= 5);
		expect(withBars.length).toBeGreaterThanOrEqual(10);
		expect(reach.byCategory.filter((c) => c.made.suppressed || c.completed.suppressed)).toEqual([]);
	});

	it('has the web a community worker knows: households, twenty partners, ties with bridges and isolated people', async () => {
		const [user] = await db.select().from(authUser).where(eq(authUser.email, 'facilitator@example.org'));
		const ctx = { db, actor: (await loadActor(db, user!.id))! };
		expect((await listPartners(ctx)).length).toBe(20);
		const families = await db.execute(sql`
			select h.id from people_household h join people_household_member m on m.household_id = h.id and m.left_on is null
			group by h.id having count(*) filter (where m.role = 'child') = 2`);
		expect(families.rows.length).toBeGreaterThanOrEqual(1);
		const ties = await db.execute(sql`select count(*)::int as n from network_relationship`);
		expect((ties.rows[0] as { n: number }).n).toBeGreaterThanOrEqual(20);
		// Isolated people (no tie, no household) and partners with ties into both neighbourhoods (bridges).
		const isolated = await db.execute(sql`
			select p.id from people_person p where p.user_id is null
			and not exists (select 1 from network_relationship r where r.from_key = 'person:' || p.id or r.to_key = 'person:' || p.id)
			and not exists (select 1 from people_household_member m where m.person_id = p.id)`);
		expect(isolated.rows.length).toBeGreaterThanOrEqual(2);
		const bridges = await db.execute(sql`
			select r.to_key from network_relationship r where r.to_kind = 'partner' group by r.to_key having count(distinct r.area_id) > 1`);
		expect(bridges.rows.length).toBeGreaterThanOrEqual(2);
	});
});
