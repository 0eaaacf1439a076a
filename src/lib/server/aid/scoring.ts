import type { Category } from './categories.ts';
import { dayOfWeek } from '../core/index.ts';
import type { Reason } from '../../aid/types.ts';

export type { Reason };

// Pure: how well one offer fits one need, as points that each come with a reason a person can read.
// No I/O, no clock (the date is passed in), so the same data always gives the same ranking.

/** A weekly time window: day 0 = Monday … 6 = Sunday, minutes since midnight, end after start. */
export type Window = { day: number; start: number; end: number };
export type Point = { lat: number; lon: number };
/**
 * One specific day ('YYYY-MM-DD', a Belgian calendar day), with an optional time range in minutes
 * since midnight. Without times it means "any time that day".
 */
export type DateItem = { date: string; start?: number; end?: number };

export type NeedFacts = {
	id: string;
	category: Category;
	areaId: string | null;
	point: Point | null;
	languages: string[];
	windows: Window[];
	/** Specific days (a move, an appointment); those before today are ignored. */
	dates: DateItem[];
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
	/** Specific days the volunteer is free; those before today are ignored. */
	dates: DateItem[];
	/** How many links this volunteer takes on at once, and how many are active now. */
	capacity: number;
	activeLinks: number;
	/** Completed links in this category before, by the age group of the person helped. */
	helpedBefore: Record<string, number>;
	/** The good-conduct certificate, checked by a facilitator: valid until (ISO date), or null. */
	certificateValidUntil: string | null;
};

/** Why an offer cannot be proposed at all (not a score of zero: a rule). */
export type Exclusion = 'other_category' | 'at_capacity' | 'certificate_missing' | 'certificate_expired';

/**
 * How the offer's time meets the need's, which ranks before any points (time is a requirement, not a
 * bonus): `common` (a weekly window or a day both sides are free), `unknown` (the volunteer said
 * nothing about time, so they may well be free), `none` (the volunteer gave times and none meets the
 * need's), or `any` (the need gave no time, or only days that have passed: every time suits it).
 */
export type TimeFit = 'common' | 'unknown' | 'none' | 'any';

export type Scored = { offerId: string; score: number; reasons: Reason[]; timeFit: TimeFit };

export const POINTS = {
	language: 30,
	distanceNear: 25, // ≤ 500 m
	distanceMid: 15, // ≤ 1.5 km
	distanceFar: 5, // ≤ 3 km
	sameArea: 10, // when no points to measure between
	time: 20,
	// A specific day that suits both sides replaces the weekly fit (never both): being free is counted once.
	date: 20,
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

const WHOLE_DAY = 1440;

/** The weekday of an ISO day: 0 = Monday … 6 = Sunday (as in Window). */
export function weekdayOf(date: string): number {
	return dayOfWeek(date) - 1;
}

const span = (d: DateItem): [number, number] => (d.start !== undefined && d.end !== undefined ? [d.start, d.end] : [0, WHOLE_DAY]);

type Free = { windows: Window[]; dates: DateItem[] };
type Hit = { date: string; start: number; end: number };

/** Two time ranges on one day, as their overlap, or null when they do not meet. */
function meet(date: string, [aStart, aEnd]: [number, number], [bStart, bEnd]: [number, number]): Hit | null {
	const start = Math.max(aStart, bStart);
	const end = Math.min(aEnd, bEnd);
	return end > start ? { date, start, end } : null;
}

/** Longest first, then the earliest day, then the earliest start: a total order, so input order never matters. */
const better = (a: Hit, b: Hit | null) =>
	!b || a.end - a.start > b.end - b.start || (a.end - a.start === b.end - b.start && (a.date < b.date || (a.date === b.date && a.start < b.start)));

/**
 * The best specific day from `today` on when both sides are free: a need's day against the offer's
 * weekly windows on that weekday or the offer's same day, and an offer's day against the need's
 * weekly windows. A day without times overlaps anything that day. Days before today are ignored.
 */
export function bestDate(need: Free, offer: Free, today: string): DateItem | null {
	const hits: (Hit | null)[] = [];
	const needDates = need.dates.filter((d) => d.date >= today);
	const offerDates = offer.dates.filter((d) => d.date >= today);
	for (const d of needDates) {
		const day = weekdayOf(d.date);
		for (const w of offer.windows) if (w.day === day) hits.push(meet(d.date, span(d), [w.start, w.end]));
		for (const e of offerDates) if (e.date === d.date) hits.push(meet(d.date, span(d), span(e)));
	}
	for (const e of offerDates) {
		const day = weekdayOf(e.date);
		for (const w of need.windows) if (w.day === day) hits.push(meet(e.date, [w.start, w.end], span(e)));
	}
	let best: Hit | null = null;
	for (const h of hits) if (h && better(h, best)) best = h;
	if (!best) return null;
	return best.start === 0 && best.end === WHOLE_DAY ? { date: best.date } : best;
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

/** The points and their reasons on `today` (ISO date); call only for offers without an exclusion. */
export function score(need: NeedFacts, offer: OfferFacts, today: string): Scored {
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

	// A concrete day says more than "both free on Tuesdays": shown (and counted) instead of it.
	const onDate = bestDate(need, offer, today);
	const overlap = onDate ? null : bestOverlap(need.windows, offer.windows);
	if (onDate) reasons.push({ code: 'date', points: POINTS.date, ...onDate });
	else if (overlap) reasons.push({ code: 'time', points: POINTS.time, ...overlap });
	const fit = timeFit(need, offer, today, !!(onDate || overlap));

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

	return { offerId: offer.id, score: reasons.reduce((s, r) => s + r.points, 0), reasons, timeFit: fit };
}

/**
 * The need asks for time when it has weekly windows or days still to come. The volunteer said nothing
 * about time only when the offer has neither windows nor days at all: days that have all passed were
 * a statement of when they are free, and it no longer meets anything.
 */
function timeFit(need: NeedFacts, offer: OfferFacts, today: string, met: boolean): TimeFit {
	// A meeting needs a time on the need's side, so `met` already says the need asks for time.
	if (met) return 'common';
	if (!need.windows.length && !hasDayFrom(need.dates, today)) return 'any';
	return offer.windows.length || offer.dates.length ? 'none' : 'unknown';
}

// A loop, not `some` with a closure: this runs once per need and offer (a million times a weekly proposal).
function hasDayFrom(dates: DateItem[], today: string): boolean {
	for (const d of dates) if (d.date >= today) return true;
	return false;
}

/** Ranks before points: with common time (or when any time suits), then time unknown, then no common time. */
export const TIME_TIER: Record<TimeFit, number> = { any: 0, common: 0, unknown: 1, none: 2 };

const byScore = (a: Pick<Scored, 'offerId' | 'score'>, b: Pick<Scored, 'offerId' | 'score'>) =>
	b.score - a.score || (a.offerId < b.offerId ? -1 : a.offerId > b.offerId ? 1 : 0);

/** The order of candidates: time tier, then score (high first), then offer id, so the order is total and stable. */
export function compareScored(a: Pick<Scored, 'offerId' | 'score' | 'timeFit'>, b: Pick<Scored, 'offerId' | 'score' | 'timeFit'>): number {
	return TIME_TIER[a.timeFit] - TIME_TIER[b.timeFit] || byScore(a, b);
}

/** Ranked candidates for one need: best first (see compareScored), so the order is stable. */
export function rank(need: NeedFacts, offers: OfferFacts[], today: string, limit = 20): Scored[] {
	// The order of compareScored, by sorting each tier on its own: fewer comparisons than one sort of
	// all, and tiers below a full top `limit` are never sorted (this runs a million times a weekly proposal).
	const tiers: Scored[][] = [[], [], []];
	for (const offer of offers) {
		if (exclusion(need, offer, today)) continue;
		const s = score(need, offer, today);
		tiers[TIME_TIER[s.timeFit]]!.push(s);
	}
	const ranked: Scored[] = [];
	for (const tier of tiers) {
		if (ranked.length >= limit) break;
		tier.sort(byScore);
		for (const s of tier) {
			if (ranked.length >= limit) break;
			ranked.push(s);
		}
	}
	return ranked;
}
