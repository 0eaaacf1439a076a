import type { Criterion } from './types.ts';

// The jury's arithmetic, pure: the weighted score of each application, the ranking and the spread
// between jurors per criterion. Only final reviews of jurors without a conflict count. Scores and
// weights are whole numbers (the call's validation holds them so), so a weighted score is an exact
// fraction of integers; it is compared exactly and rounded for display only (`scoreValue`).

/** One juror's review of one application, as stored. */
export type JurorReview = {
	userId: string;
	/** Made final with a motivation: only final reviews count. */
	final: boolean;
	/** The juror declared a conflict of interest on this application: never counts. */
	conflicted: boolean;
	/** Criterion key → whole score on the call's scale. */
	scores: Record<string, number>;
};

/** An exact fraction num / den (den > 0). */
export type Fraction = { num: number; den: number };

export type ApplicationScores = { applicationId: string; reviews: JurorReview[] };

export type RankingRules = { criteria: Pick<Criterion, 'key' | 'weight'>[]; spreadFlag: number };

export type RankedApplication = {
	applicationId: string;
	/** The weighted mean score on the call's scale; null: no counting review yet. */
	score: Fraction | null;
	/** The jurors whose review counted. */
	jurors: number;
	/** 1-based competition rank (equal scores share a rank: 1, 1, 3); null without a score. */
	rank: number | null;
	/** Another application has exactly the same score. */
	tied: boolean;
	/** Criterion key → max − min of the counting jurors' scores; null with fewer than two. */
	spread: Record<string, number | null>;
	/** The criteria whose spread exceeds the call's `spreadFlag`. */
	flagged: string[];
};

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));

function fraction(num: number, den: number): Fraction {
	const g = gcd(num, den) || 1;
	return { num: num / g, den: den / g };
}

/** a − b compared exactly: negative, zero or positive. */
export function compareFractions(a: Fraction, b: Fraction): number {
	return a.num * b.den - b.num * a.den;
}

/** The fraction as a number rounded half up to `digits` decimals, for display only. */
export function scoreValue(f: Fraction, digits = 1): number {
	const scale = 10 ** digits;
	return Math.floor((f.num * scale * 2 + f.den) / (2 * f.den)) / scale;
}

/** A review counts: final, no conflict, and a score for every criterion of the call. */
function counts(review: JurorReview, rules: RankingRules): boolean {
	return review.final && !review.conflicted && rules.criteria.every((c) => Number.isInteger(review.scores[c.key]));
}

/** Σ over counting jurors of Σ weight × score, over (jurors × Σ weight): the mean of the jurors' weighted means. */
export function weightedScore(rules: RankingRules, reviews: JurorReview[]): { score: Fraction | null; jurors: number } {
	const counting = reviews.filter((r) => counts(r, rules));
	const totalWeight = rules.criteria.reduce((s, c) => s + c.weight, 0);
	if (!counting.length || totalWeight <= 0) return { score: null, jurors: counting.length };
	let num = 0;
	for (const r of counting) for (const c of rules.criteria) num += c.weight * r.scores[c.key]!;
	return { score: fraction(num, counting.length * totalWeight), jurors: counting.length };
}

/** Per criterion, max − min between the counting jurors (null with fewer than two of them). */
export function spreads(rules: RankingRules, reviews: JurorReview[]): Record<string, number | null> {
	const counting = reviews.filter((r) => counts(r, rules));
	const out: Record<string, number | null> = {};
	for (const c of rules.criteria) {
		const values = counting.map((r) => r.scores[c.key]!);
		out[c.key] = values.length < 2 ? null : Math.max(...values) - Math.min(...values);
	}
	return out;
}

/**
 * The ranking: highest weighted score first; equal scores share a rank and are marked tied (kept in
 * the input's order); applications without a counting review come last, unranked.
 */
export function rankApplications(rules: RankingRules, applications: ApplicationScores[]): RankedApplication[] {
	const scored = applications.map((a) => {
		const { score, jurors } = weightedScore(rules, a.reviews);
		const spread = spreads(rules, a.reviews);
		const flagged = rules.criteria.filter((c) => (spread[c.key] ?? 0) > rules.spreadFlag).map((c) => c.key);
		return { applicationId: a.applicationId, score, jurors, spread, flagged };
	});
	const withScore = scored.filter((a) => a.score !== null).sort((a, b) => compareFractions(b.score!, a.score!));
	const ranked: RankedApplication[] = withScore.map((a) => {
		const rank = 1 + withScore.filter((b) => compareFractions(b.score!, a.score!) > 0).length;
		const tied = withScore.some((b) => b !== a && compareFractions(b.score!, a.score!) === 0);
		return { ...a, rank, tied };
	});
	const unscored = scored.filter((a) => a.score === null).map((a) => ({ ...a, rank: null, tied: false }));
	return [...ranked, ...unscored];
}
