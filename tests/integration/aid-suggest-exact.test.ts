import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { suggestMatches } from '../../src/lib/server/aid/index.ts';
import { scorePair } from '../../src/lib/server/aid/matching.ts';
import { compareScored } from '../../src/lib/server/aid/scoring.ts';
import { todayInBelgium } from '../../src/lib/server/core/time.ts';
import { aidLink, aidNeed, aidOffer } from '../../src/lib/server/aid/schema.ts';
import { peoplePerson } from '../../src/lib/server/people/schema.ts';

// suggestMatches asks for experience (the costly aggregate over past links) only for the offers that
// can still reach the top k. That shortcut must give exactly what scoring every offer with its
// experience gives: same offers, same order, same scores. Checked here against scorePair, one offer
// at a time, on a seeded random network where experience often decides the order, and the time tier
// (common time, no times given, no common time) often overrides the points.

const { db } = await freshDatabase();
const org = await makeOrganisation(db);
const areas = [await makeArea(db), await makeArea(db)];
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id });
const ctx = ctxFor(db, facilitator.actor);

let seed = 7;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
const AGES = ['0_17', '18_29', '30_49', '50_64', '65_plus'] as const;
const LANGS = ['nl', 'fr', 'ar', 'tr', 'bg'] as const;
const window = () => {
	const start = 480 + 30 * Math.floor(rnd() * 16);
	return { day: Math.floor(rnd() * 7), start, end: start + 60 * (1 + Math.floor(rnd() * 3)) };
};
// A day in the coming three weeks (Belgian calendar), the whole day or part of it.
const TODAY = todayInBelgium();
const day = () => {
	const date = new Date(Date.parse(`${TODAY}T12:00:00Z`) + Math.floor(rnd() * 21) * 86_400_000).toISOString().slice(0, 10);
	return rnd() < 0.5 ? { date } : { date, ...(({ day: _, ...w }) => w)(window()) };
};
/** Most volunteers give a weekly time, some a day, some nothing at all (time unknown). */
const offerTime = () => {
	const r = rnd();
	return r < 0.15 ? { windows: [], dates: [] } : r < 0.3 ? { windows: [], dates: [day()] } : { windows: [window()], dates: [] };
};
/** Most needs give weekly times, some a day, some no time at all (then time is no requirement). */
const needTime = (i: number) =>
	i % 6 === 4 ? { windows: [], dates: [] } : i % 6 === 5 ? { windows: [], dates: [day()] } : { windows: [window(), window()], dates: [] };

async function person(i: number) {
	const [p] = await db
		.insert(peoplePerson)
		.values({ firstName: `P${i}`, organisationId: org.id, areaId: pick(areas).id, ageGroup: pick(AGES), languages: [pick(LANGS)] })
		.returning({ id: peoplePerson.id, areaId: peoplePerson.areaId });
	return p!;
}

const offers: string[] = [];
for (let i = 0; i < 80; i++) {
	const p = await person(i);
	const [o] = await db
		.insert(aidOffer)
		.values({
			personId: p.id,
			organisationId: org.id,
			areaId: p.areaId!,
			category: 'errands',
			title: `Offer ${i}`,
			...offerTime(),
			capacity: 5,
			languages: rnd() < 0.3 ? [pick(LANGS)] : []
		})
		.returning({ id: aidOffer.id });
	offers.push(o!.id);
}
// Past help that took place: 0 to 6 links per volunteer, with people of every age group.
for (const offerId of offers) {
	for (let j = Math.floor(rnd() * 7); j > 0; j--) {
		const helped = await person(1000 + offers.indexOf(offerId) * 10 + j);
		const [n] = await db
			.insert(aidNeed)
			.values({ personId: helped.id, organisationId: org.id, areaId: helped.areaId!, category: 'errands', title: 'Past', status: 'closed' })
			.returning({ id: aidNeed.id });
		const at = new Date(Date.now() - (30 + j) * 86_400_000);
		await db.insert(aidLink).values({
			needId: n!.id,
			organisationId: org.id,
			areaId: helped.areaId!,
			offerId,
			status: 'closed',
			needAcceptedAt: at,
			offerAcceptedAt: at,
			tookPlaceAt: at,
			closedAt: at,
			changedAt: at
		});
	}
}
const needs: string[] = [];
for (let i = 0; i < 18; i++) {
	const p = await person(5000 + i);
	const [n] = await db
		.insert(aidNeed)
		.values({
			personId: p.id,
			organisationId: org.id,
			areaId: p.areaId!,
			category: 'errands',
			title: `Need ${i}`,
			...needTime(i),
			languages: [pick(LANGS)]
		})
		.returning();
	needs.push(n!.id);
}

describe('suggestMatches', () => {
	it('ranks exactly as scoring every offer with its experience does, time first', async () => {
		let decidedByExperience = 0;
		let decidedByTime = 0;
		for (const needId of needs) {
			const [need] = await db.select().from(aidNeed).where(eq(aidNeed.id, needId));
			const all = [];
			for (const offerId of offers) {
				const s = await scorePair(db, need!, offerId);
				if (s) all.push(s);
			}
			all.sort(compareScored);
			for (const k of [1, 5, 10, 20]) {
				const got = (await suggestMatches(ctx, needId, k)).candidates.map((c) => [c.offerId, c.score, c.timeFit]);
				expect(got, `need ${needId}, top ${k}`).toEqual(all.slice(0, k).map((s) => [s.offerId, s.score, s.timeFit]));
			}
			const top = all.slice(0, 20);
			if (top.slice(0, 10).some((s) => s.reasons.some((r) => r.code === 'experience'))) decidedByExperience++;
			// A candidate with common time above one with more points: the tier, not the score, decided.
			if (top.some((s, i) => top.slice(i + 1).some((t) => t.score > s.score))) decidedByTime++;
		}
		// The check means something only if experience and the time tier took part in the ranking.
		expect(decidedByExperience).toBeGreaterThan(6);
		expect(decidedByTime).toBeGreaterThan(6);
	}, 120_000);
});
