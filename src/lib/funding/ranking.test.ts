import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareFractions, rankApplications, scoreValue, spreads, weightedScore, type JurorReview, type RankingRules } from './ranking.ts';

const RULES: RankingRules = {
	criteria: [
		{ key: 'impact', weight: 3 },
		{ key: 'feasibility', weight: 1 }
	],
	spreadFlag: 3
};
const review = (userId: string, impact: number, feasibility: number, extra: Partial<JurorReview> = {}): JurorReview => ({
	userId,
	final: true,
	conflicted: false,
	scores: { impact, feasibility },
	...extra
});

describe('the weighted score', () => {
	it('is the mean of the jurors’ weighted means, as an exact fraction', () => {
		// (3·8 + 1·4 + 3·6 + 1·2) / (2 · 4) = 48 / 8 = 6
		expect(weightedScore(RULES, [review('a', 8, 4), review('b', 6, 2)])).toEqual({ score: { num: 6, den: 1 }, jurors: 2 });
		// (3·7 + 1·6) / 4 = 27 / 4
		expect(weightedScore(RULES, [review('a', 7, 6)]).score).toEqual({ num: 27, den: 4 });
		expect(scoreValue({ num: 27, den: 4 })).toBe(6.8);
		expect(scoreValue({ num: 2, den: 3 }, 2)).toBe(0.67);
	});

	it('counts only final reviews of jurors without a conflict, with every criterion scored', () => {
		const reviews = [
			review('a', 8, 4),
			review('b', 0, 0, { conflicted: true }),
			review('c', 10, 10, { final: false }),
			{ userId: 'd', final: true, conflicted: false, scores: { impact: 1 } }
		];
		expect(weightedScore(RULES, reviews)).toEqual({ score: { num: 7, den: 1 }, jurors: 1 });
		expect(weightedScore(RULES, [review('c', 1, 1, { final: false })])).toEqual({ score: null, jurors: 0 });
	});

	it('rounds for display only: 6.95 shows 7.0 but ranks below 7', () => {
		const a = { num: 139, den: 20 };
		expect(scoreValue(a)).toBe(7);
		expect(compareFractions(a, { num: 7, den: 1 })).toBeLessThan(0);
	});
});

describe('the spread between jurors', () => {
	it('is max − min per criterion, flagged above the call’s spreadFlag', () => {
		const reviews = [review('a', 9, 5), review('b', 5, 4), review('c', 7, 5)];
		expect(spreads(RULES, reviews)).toEqual({ impact: 4, feasibility: 1 });
		const [r] = rankApplications(RULES, [{ applicationId: 'x', reviews }]);
		expect(r!.flagged).toEqual(['impact']);
		// Exactly the flag is not more than it.
		expect(rankApplications({ ...RULES, spreadFlag: 4 }, [{ applicationId: 'x', reviews }])[0]!.flagged).toEqual([]);
		expect(spreads(RULES, [review('a', 1, 1)])).toEqual({ impact: null, feasibility: null });
	});
});

describe('the ranking', () => {
	it('puts the highest score first, keeps ties with a shared rank and the unscored last', () => {
		const ranked = rankApplications(RULES, [
			{ applicationId: 'low', reviews: [review('a', 2, 2)] },
			{ applicationId: 'none', reviews: [] },
			{ applicationId: 'tie1', reviews: [review('a', 8, 4)] },
			{ applicationId: 'tie2', reviews: [review('a', 7, 7)] },
			{ applicationId: 'top', reviews: [review('a', 10, 10)] }
		]);
		expect(ranked.map((r) => [r.applicationId, r.rank, r.tied])).toEqual([
			['top', 1, false],
			['tie1', 2, true],
			['tie2', 2, true],
			['low', 4, false],
			['none', null, false]
		]);
	});
});

// Properties: random calls (1–4 criteria with weights 1–20, scale 0–10) and random juries.
const criteriaArb = fc
	.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 4 })
	.chain((keys) => fc.tuple(fc.constant(keys), fc.array(fc.integer({ min: 1, max: 20 }), { minLength: keys.length, maxLength: keys.length })));
const rulesArb = criteriaArb.map(([keys, weights]) => ({ criteria: keys.map((key, i) => ({ key, weight: weights[i]! })), spreadFlag: 3 }));
const reviewArb = (keys: string[]) =>
	fc.record({
		userId: fc.string({ minLength: 1, maxLength: 4 }),
		final: fc.boolean(),
		conflicted: fc.boolean(),
		scores: fc.record(Object.fromEntries(keys.map((k) => [k, fc.integer({ min: 0, max: 10 })])) as Record<string, fc.Arbitrary<number>>)
	});
const boardArb = rulesArb.chain((rules) =>
	fc.tuple(
		fc.constant(rules),
		fc.array(fc.record({ applicationId: fc.uuid(), reviews: fc.array(reviewArb(rules.criteria.map((c) => c.key)), { maxLength: 5 }) }), {
			minLength: 1,
			maxLength: 6
		})
	)
);

describe('properties', () => {
	it('a conflicted juror’s scores never change a result', () => {
		fc.assert(
			fc.property(boardArb, fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 4, maxLength: 4 }), ([rules, apps], s) => {
				const before = rankApplications(rules, apps);
				const noisy = apps.map((a) => ({
					...a,
					reviews: [...a.reviews, { userId: 'x', final: true, conflicted: true, scores: { a: s[0]!, b: s[1]!, c: s[2]!, d: s[3]! } }]
				}));
				expect(rankApplications(rules, noisy)).toEqual(before);
			})
		);
	});

	it('permuting the jurors never changes a result', () => {
		fc.assert(
			fc.property(boardArb, fc.integer({ min: 0, max: 1000 }), ([rules, apps], seed) => {
				const shuffled = apps.map((a) => {
					const rs = [...a.reviews];
					for (let i = rs.length - 1; i > 0; i--) {
						const j = (seed * (i + 7)) % (i + 1);
						[rs[i], rs[j]] = [rs[j]!, rs[i]!];
					}
					return { ...a, reviews: rs };
				});
				expect(rankApplications(rules, shuffled)).toEqual(rankApplications(rules, apps));
			})
		);
	});

	it('scaling every weight by the same factor never changes the scores or the order', () => {
		fc.assert(
			fc.property(boardArb, fc.integer({ min: 2, max: 50 }), ([rules, apps], k) => {
				const scaled = { ...rules, criteria: rules.criteria.map((c) => ({ ...c, weight: c.weight * k })) };
				expect(rankApplications(scaled, apps)).toEqual(rankApplications(rules, apps));
			})
		);
	});

	it('a score stays on the scale, and ranks agree with the exact order', () => {
		fc.assert(
			fc.property(boardArb, ([rules, apps]) => {
				const ranked = rankApplications(rules, apps);
				for (const r of ranked) {
					if (!r.score) continue;
					expect(r.score.num / r.score.den).toBeGreaterThanOrEqual(0);
					expect(r.score.num / r.score.den).toBeLessThanOrEqual(10);
				}
				for (let i = 1; i < ranked.length; i++) {
					const [a, b] = [ranked[i - 1]!, ranked[i]!];
					if (a.score && b.score) expect(compareFractions(a.score, b.score)).toBeGreaterThanOrEqual(0);
					if (a.score && b.score && a.rank === b.rank) expect(compareFractions(a.score, b.score)).toBe(0);
				}
			})
		);
	});
});
