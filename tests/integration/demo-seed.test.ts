import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freshDatabase } from './db.ts';
import { seedDemo } from '../../src/lib/server/seed/demo.ts';
import { loadActor } from '../../src/lib/server/access/index.ts';
import { getMutualAidReach, lastTwelveMonths, listNeeds, suggestMatches } from '../../src/lib/server/aid/index.ts';
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
		const queue = await listNeeds({ db, actor });
		expect(queue.length).toBeGreaterThanOrEqual(3);
		const withCandidates = await Promise.all(queue.map((n) => suggestMatches({ db, actor }, n.id)));
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
});
