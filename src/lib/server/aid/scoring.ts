import type { Category } from './categories.ts';

// Pure: how well one offer fits one need, as points that each come with a reason a person can read.
// No I/O, no clock (the date is passed in), so the same data always gives the same ranking.

/** A weekly time window: day 0 = Monday … 6 = Sunday, minutes since midnight, end after start. */
export type Window = { day: number; start: number; end: number };
export type Point = { lat: number; lon: number };

export type NeedFacts = {
	id: string;
	category: Category;
	areaId: string | null;
	point: Point | null;
	languages: string[];
	windows: Window[];
	/** Help with children or inside someone's home: only volunteers with a valid certificate. */
	safeguarded: boolean;
	/** The age group of the person in need, for "helped N seniors before". */
	ageGroup: string | null;
};

export type OfferFacts = {
	id: string;
	personId: string;
	category: Category;
	areaId: string | null;
	point: Point | null;
	languages: string[];
	windows: Window[];
	/** How many links this volunteer takes on at once, and how many are active now. */
	capacity: number;
	activeLinks: number;
	/** Completed links in this category before, by the age group of the person helped. */
	helpedBefore: Record<string, number>;
	/** The good-conduct certificate, checked by a facilitator: valid until (ISO date), or null. */
	certificateValidUntil: string | null;
};

export type Reason =
	| { code: 'language'; points: number; language: string }
	| { code: 'distance'; points: number; metres: number }
	| { code: 'same_area'; points: number }
	| { code: 'time'; points: number; day: number; start: number; end: number }
	| { code: 'experience'; points: number; count: number; ageGroup: string | null }
	| { code: 'load'; points: number; activeLinks: number };

/** Why an offer cannot be proposed at all (not a score of zero: a rule). */
export type Exclusion = 'other_category' | 'at_capacity' | 'certificate_missing' | 'certificate_expired';

export type Scored = { offerId: string; score: number; reasons: Reason[] };

export const POINTS = {
	language: 30,
	distanceNear: 25, // ≤ 500 m
	distanceMid: 15, // ≤ 1.5 km
	distanceFar: 5, // ≤ 3 km
	sameArea: 10, // when no points to measure between
	time: 20,
	experiencePerLink: 3,
	experienceMax: 15,
	loadPerLink: -5
} as const;

const EARTH_M = 6_371_000;

/** Great-circle distance in metres (haversine), rounded to 10 m. */
export function distanceMetres(a: Point, b: Point): number {
	const rad = Math.PI / 180;
	const dLat = (b.lat - a.lat) * rad;
	const dLon = (b.lon - a.lon) * rad;
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
	return Math.round((2 * EARTH_M * Math.asin(Math.min(1, Math.sqrt(h)))) / 10) * 10;
}

/** The longest overlap between two sets of weekly windows, or null when they never meet. */
export function bestOverlap(a: Window[], b: Window[]): Window | null {
	let best: Window | null = null;
	for (const x of a)
		for (const y of b) {
			if (x.day !== y.day) continue;
			const start = Math.max(x.start, y.start);
			const end = Math.min(x.end, y.end);
			if (end <= start) continue;
			if (!best || end - start > best.end - best.start || (end - start === best.end - best.start && (x.day < best.day || start < best.start)))
				best = { day: x.day, start, end };
		}
	return best;
}

/** Can this offer be proposed for this need at all, on `today` (ISO date)? */
export function exclusion(need: NeedFacts, offer: OfferFacts, today: string): Exclusion | null {
	if (need.category !== offer.category) return 'other_category';
	if (offer.activeLinks >= offer.capacity) return 'at_capacity';
	if (need.safeguarded) {
		if (!offer.certificateValidUntil) return 'certificate_missing';
		if (offer.certificateValidUntil < today) return 'certificate_expired';
	}
	return null;
}

/** The points and their reasons; call only for offers without an exclusion. */
export function score(need: NeedFacts, offer: OfferFacts): Scored {
	const reasons: Reason[] = [];
	// Languages are compared in a fixed order so the reason shown is always the same one.
	const shared = [...need.languages].sort().find((l) => offer.languages.includes(l));
	if (shared) reasons.push({ code: 'language', points: POINTS.language, language: shared });

	if (need.point && offer.point) {
		const metres = distanceMetres(need.point, offer.point);
		const points = metres <= 500 ? POINTS.distanceNear : metres <= 1500 ? POINTS.distanceMid : metres <= 3000 ? POINTS.distanceFar : 0;
		if (points) reasons.push({ code: 'distance', points, metres });
	} else if (need.areaId && need.areaId === offer.areaId) {
		reasons.push({ code: 'same_area', points: POINTS.sameArea });
	}

	const overlap = bestOverlap(need.windows, offer.windows);
	if (overlap) reasons.push({ code: 'time', points: POINTS.time, ...overlap });

	const sameGroup = need.ageGroup ? (offer.helpedBefore[need.ageGroup] ?? 0) : 0;
	const count = sameGroup || Object.values(offer.helpedBefore).reduce((a, b) => a + b, 0);
	if (count > 0) {
		reasons.push({
			code: 'experience',
			points: Math.min(POINTS.experienceMax, count * POINTS.experiencePerLink),
			count,
			ageGroup: sameGroup ? need.ageGroup : null
		});
	}

	// Spread the load: every link a volunteer already carries counts against them.
	if (offer.activeLinks > 0) reasons.push({ code: 'load', points: offer.activeLinks * POINTS.loadPerLink, activeLinks: offer.activeLinks });

	return { offerId: offer.id, score: reasons.reduce((s, r) => s + r.points, 0), reasons };
}

/** Ranked candidates for one need: best first, ties broken by offer id, so the order is stable. */
export function rank(need: NeedFacts, offers: OfferFacts[], today: string, limit = 20): Scored[] {
	const scored: Scored[] = [];
	for (const offer of offers) if (!exclusion(need, offer, today)) scored.push(score(need, offer));
	scored.sort((a, b) => b.score - a.score || (a.offerId < b.offerId ? -1 : a.offerId > b.offerId ? 1 : 0));
	return scored.slice(0, limit);
}
