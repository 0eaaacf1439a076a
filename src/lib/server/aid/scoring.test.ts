import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bestDate, bestOverlap, distanceMetres, exclusion, rank, score, weekdayOf, POINTS, type NeedFacts, type OfferFacts } from './scoring.ts';
import { CATEGORY_CODES } from './categories.ts';

const TODAY = '2026-11-23';
// Tuesday morning, 9:00–12:00, at the Rabot neighbourhood house.
const need: NeedFacts = {
	id: 'need-1',
	category: 'errands',
	areaId: 'rabot',
	point: { lat: 51.0625, lon: 3.7135 },
	languages: ['bg', 'nl'],
	windows: [{ day: 1, start: 9 * 60, end: 12 * 60 }],
	dates: [],
	safeguarded: false,
	ageGroup: '65+'
};
const offer = (over: Partial<OfferFacts> = {}): OfferFacts => ({
	id: 'offer-a',
	personId: 'p-a',
	category: 'errands',
	areaId: 'rabot',
	point: { lat: 51.0655, lon: 3.7135 }, // ~330 m north
	languages: ['bg', 'fr'],
	windows: [{ day: 1, start: 10 * 60, end: 13 * 60 }],
	dates: [],
	capacity: 2,
	activeLinks: 1,
	helpedBefore: { '65+': 3 },
	certificateValidUntil: null,
	...over
});

describe('scoring', () => {
	it('gives every point with a readable reason: language, distance, time, experience, load', () => {
		const s = score(need, offer(), TODAY);
		expect(s.reasons.map((r) => r.code)).toEqual(['language', 'distance', 'time', 'experience', 'load']);
		expect(s.reasons[0]).toMatchObject({ language: 'bg', points: POINTS.language });
		expect(s.reasons[1]).toMatchObject({ code: 'distance', points: POINTS.distanceNear });
		expect((s.reasons[1] as { metres: number }).metres).toBeGreaterThan(300);
		expect((s.reasons[1] as { metres: number }).metres).toBeLessThan(360);
		expect(s.reasons[2]).toMatchObject({ day: 1, start: 600, end: 720 });
		expect(s.reasons[3]).toMatchObject({ count: 3, ageGroup: '65+', points: 9 });
		expect(s.reasons[4]).toMatchObject({ activeLinks: 1, points: -5 });
		expect(s.score).toBe(30 + 25 + 20 + 9 - 5);
	});

	it('falls back to "same neighbourhood" when there is no point to measure from', () => {
		const s = score({ ...need, point: null }, offer(), TODAY);
		expect(s.reasons.find((r) => r.code === 'same_area')).toMatchObject({ points: POINTS.sameArea });
		expect(s.reasons.find((r) => r.code === 'distance')).toBeUndefined();
	});

	it('matches help with children or at home only to volunteers with a valid certificate', () => {
		const safe = { ...need, safeguarded: true };
		expect(exclusion(safe, offer(), TODAY)).toBe('certificate_missing');
		expect(exclusion(safe, offer({ certificateValidUntil: '2026-11-22' }), TODAY)).toBe('certificate_expired');
		expect(exclusion(safe, offer({ certificateValidUntil: '2026-11-23' }), TODAY)).toBeNull();
		expect(rank(safe, [offer()], TODAY)).toEqual([]);
	});

	it('never proposes a volunteer at capacity or an offer of another category', () => {
		expect(exclusion(need, offer({ activeLinks: 2 }), TODAY)).toBe('at_capacity');
		expect(exclusion(need, offer({ category: 'moving' }), TODAY)).toBe('other_category');
	});

	it('measures real distances (Rabot to Sluizeken is about 1.5 km)', () => {
		const d = distanceMetres({ lat: 51.0625, lon: 3.7135 }, { lat: 51.0625, lon: 3.735 });
		expect(d).toBeGreaterThan(1400);
		expect(d).toBeLessThan(1600);
	});

	it('finds the longest overlap of weekly windows, none when they do not meet', () => {
		expect(bestOverlap([{ day: 1, start: 540, end: 720 }], [{ day: 1, start: 700, end: 800 }])).toEqual({ day: 1, start: 700, end: 720 });
		expect(bestOverlap([{ day: 1, start: 540, end: 720 }], [{ day: 2, start: 540, end: 720 }])).toBeNull();
		expect(bestOverlap([{ day: 1, start: 540, end: 600 }], [{ day: 1, start: 600, end: 700 }])).toBeNull();
	});

	describe('specific days', () => {
		// TODAY is Monday 23 November 2026; 8 December is a Tuesday, 17 November the Tuesday before today.
		const noTimes = { ...need, windows: [] };
		const off = (over: Partial<OfferFacts> = {}) => offer({ activeLinks: 0, helpedBefore: {}, languages: [], point: null, areaId: 'x', ...over });

		it('knows the weekday of a day (0 = Monday)', () => {
			expect(weekdayOf('2026-11-23')).toBe(0);
			expect(weekdayOf('2026-12-08')).toBe(1);
			expect(weekdayOf('2026-11-29')).toBe(6);
		});

		it('matches a day without times to the volunteer’s weekly window on that weekday', () => {
			const s = score({ ...noTimes, dates: [{ date: '2026-12-08' }] }, off(), TODAY);
			expect(s.reasons).toEqual([{ code: 'date', points: POINTS.date, date: '2026-12-08', start: 600, end: 780 }]);
			expect(s.score).toBe(POINTS.date);
		});

		it('matches a day with times to the overlapping part of a weekly window, and not another weekday or time', () => {
			expect(score({ ...noTimes, dates: [{ date: '2026-12-08', start: 540, end: 720 }] }, off(), TODAY).reasons).toEqual([
				{ code: 'date', points: POINTS.date, date: '2026-12-08', start: 600, end: 720 }
			]);
			expect(score({ ...noTimes, dates: [{ date: '2026-12-09' }] }, off(), TODAY).reasons).toEqual([]);
			expect(score({ ...noTimes, dates: [{ date: '2026-12-08', start: 780, end: 900 }] }, off(), TODAY).reasons).toEqual([]);
		});

		it('matches a day to the volunteer’s same day, whole days without times', () => {
			const both = bestDate({ windows: [], dates: [{ date: '2026-12-05' }] }, { windows: [], dates: [{ date: '2026-12-05' }] }, TODAY);
			expect(both).toEqual({ date: '2026-12-05' });
			const timed = bestDate(
				{ windows: [], dates: [{ date: '2026-12-05' }] },
				{ windows: [], dates: [{ date: '2026-12-05', start: 480, end: 600 }] },
				TODAY
			);
			expect(timed).toEqual({ date: '2026-12-05', start: 480, end: 600 });
			expect(bestDate({ windows: [], dates: [{ date: '2026-12-05' }] }, { windows: [], dates: [{ date: '2026-12-06' }] }, TODAY)).toBeNull();
		});

		it('matches a volunteer’s free day to the weekly window of the need on that weekday', () => {
			const s = score(need, off({ windows: [], dates: [{ date: '2026-12-01', start: 600, end: 1440 }] }), TODAY);
			expect(s.reasons).toEqual([{ code: 'date', points: POINTS.date, date: '2026-12-01', start: 600, end: 720 }]);
		});

		it('ignores days before today, and then falls back to the weekly fit', () => {
			const past = { ...need, dates: [{ date: '2026-11-17' }] };
			expect(score(past, off(), TODAY).reasons).toEqual([{ code: 'time', points: POINTS.time, day: 1, start: 600, end: 720 }]);
			expect(score({ ...past, windows: [] }, off(), TODAY).reasons).toEqual([]);
			expect(score({ ...noTimes, dates: [{ date: TODAY }] }, off({ windows: [{ day: 0, start: 600, end: 660 }] }), TODAY).reasons[0]).toMatchObject({
				code: 'date',
				date: TODAY
			});
			expect(bestDate({ windows: [], dates: [{ date: '2026-11-20' }] }, { windows: [], dates: [{ date: '2026-11-20' }] }, TODAY)).toBeNull();
		});

		it('counts being free once: a day replaces the weekly fit, it never adds to it', () => {
			const s = score({ ...need, dates: [{ date: '2026-12-08' }] }, off(), TODAY);
			expect(s.reasons.map((r) => r.code)).toEqual(['date']);
			expect(s.score).toBe(score(need, off(), TODAY).score);
		});

		it('picks the longest overlap, then the earliest day, whatever the order of the days', () => {
			const dates = [{ date: '2026-12-15' }, { date: '2026-12-01', start: 600, end: 660 }, { date: '2026-12-08' }];
			const windows = [{ day: 1, start: 540, end: 720 }];
			const best = bestDate({ windows: [], dates }, { windows, dates: [] }, TODAY);
			expect(best).toEqual({ date: '2026-12-08', start: 540, end: 720 });
			expect(bestDate({ windows: [], dates: [...dates].reverse() }, { windows, dates: [] }, TODAY)).toEqual(best);
		});
	});

	const offerArb = fc.record({
		id: fc.uuid(),
		personId: fc.uuid(),
		category: fc.constantFrom(...CATEGORY_CODES),
		areaId: fc.constantFrom('rabot', 'sluizeken', null),
		point: fc.option(fc.record({ lat: fc.double({ min: 51.0, max: 51.1, noNaN: true }), lon: fc.double({ min: 3.6, max: 3.8, noNaN: true }) })),
		languages: fc.subarray(['nl', 'fr', 'en', 'bg', 'tr', 'ar']),
		windows: fc.array(
			fc.record({ day: fc.integer({ min: 0, max: 6 }), start: fc.integer({ min: 0, max: 600 }), end: fc.integer({ min: 601, max: 1440 }) }),
			{ maxLength: 3 }
		),
		// Days around TODAY: some past (ignored), some with times, some the whole day.
		dates: fc.array(
			fc.record(
				{
					date: fc.constantFrom('2026-11-20', '2026-11-24', '2026-11-28', '2026-12-01'),
					start: fc.integer({ min: 0, max: 600 }),
					end: fc.integer({ min: 601, max: 1440 })
				},
				{ requiredKeys: ['date'] }
			),
			{ maxLength: 2 }
		),
		capacity: fc.integer({ min: 1, max: 5 }),
		activeLinks: fc.integer({ min: 0, max: 5 }),
		helpedBefore: fc.dictionary(fc.constantFrom('65+', '18-64', '<18'), fc.nat(20)),
		certificateValidUntil: fc.option(fc.constantFrom('2025-01-01', '2027-01-01'))
	});

	it('ranks deterministically: the same data in any order gives the same ranking, and the score is the sum of its reasons', () => {
		fc.assert(
			fc.property(fc.array(offerArb, { maxLength: 40 }), fc.boolean(), fc.boolean(), (offers, safeguarded, moving) => {
				const n = { ...need, safeguarded, dates: moving ? [{ date: '2026-11-24' }, { date: '2026-11-28', start: 540, end: 780 }] : [] };
				const ranked = rank(n, offers, TODAY, 100);
				expect(rank(n, [...offers].reverse(), TODAY, 100)).toEqual(ranked);
				for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
				for (const s of ranked) expect(s.score).toBe(s.reasons.reduce((a, r) => a + r.points, 0));
				const ids = new Set(ranked.map((s) => s.offerId));
				for (const o of offers)
					if (exclusion(n, o, TODAY)) expect(ids.has(o.id) && offers.filter((x) => x.id === o.id).every((x) => exclusion(n, x, TODAY))).toBe(false);
			}),
			{ numRuns: 200 }
		);
	});
});
