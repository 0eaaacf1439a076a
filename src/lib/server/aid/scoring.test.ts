import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	bestDate,
	bestOverlap,
	compareScored,
	distanceMetres,
	exclusion,
	rank,
	score,
	weekdayOf,
	POINTS,
	type DateItem,
	type NeedFacts,
	type OfferFacts,
	type Window
} from './scoring.ts';
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
				for (let i = 1; i < ranked.length; i++) expect(compareScored(ranked[i - 1]!, ranked[i]!)).toBeLessThan(0);
				for (const s of ranked) expect(s.score).toBe(s.reasons.reduce((a, r) => a + r.points, 0));
				const ids = new Set(ranked.map((s) => s.offerId));
				for (const o of offers)
					if (exclusion(n, o, TODAY)) expect(ids.has(o.id) && offers.filter((x) => x.id === o.id).every((x) => exclusion(n, x, TODAY))).toBe(false);
			}),
			{ numRuns: 200 }
		);
	});

	describe('time is a requirement', () => {
		const base = offer({ activeLinks: 0, helpedBefore: {} });
		// Near, same language, experienced: 30 + 25 + 15 points, but never free on Tuesday morning.
		const strongElsewhere = { ...base, id: 'offer-z', windows: [{ day: 3, start: 600, end: 720 }], helpedBefore: { '65+': 9 } };
		// Far, no shared language, free exactly then: 20 points.
		const weakThen = { ...base, id: 'offer-b', point: null, areaId: 'x', languages: ['tr'], windows: [{ day: 1, start: 540, end: 720 }] };
		const silent = { ...strongElsewhere, id: 'offer-y', windows: [], dates: [] };

		it('ranks a volunteer free then above one with more points who is never free then, and says so', () => {
			expect(score(need, strongElsewhere, TODAY).score).toBeGreaterThan(score(need, weakThen, TODAY).score);
			const ranked = rank(need, [strongElsewhere, silent, weakThen], TODAY);
			expect(ranked.map((s) => [s.offerId, s.timeFit])).toEqual([
				['offer-b', 'common'],
				['offer-y', 'unknown'],
				['offer-z', 'none']
			]);
		});

		it('applies the same rule to days: a need’s day against weekly windows, and a volunteer’s day against the need’s windows', () => {
			// 8 December 2026 is a Tuesday; the 9th a Wednesday.
			const moving = { ...need, windows: [], dates: [{ date: '2026-12-08', start: 540, end: 720 }] };
			expect(rank(moving, [strongElsewhere, weakThen], TODAY).map((s) => [s.offerId, s.timeFit])).toEqual([
				['offer-b', 'common'],
				['offer-z', 'none']
			]);
			const dayFree = { ...strongElsewhere, id: 'offer-x', windows: [], dates: [{ date: '2026-12-09' }] };
			const dayThen = { ...weakThen, id: 'offer-w', windows: [], dates: [{ date: '2026-12-01', start: 660, end: 900 }] };
			expect(rank(need, [dayFree, dayThen], TODAY).map((s) => [s.offerId, s.timeFit])).toEqual([
				['offer-w', 'common'],
				['offer-x', 'none']
			]);
		});

		it('asks nothing of time when the need gives none, or only days that have passed', () => {
			for (const n of [
				{ ...need, windows: [], dates: [] },
				{ ...need, windows: [], dates: [{ date: '2026-11-17' }] }
			]) {
				const ranked = rank(n, [strongElsewhere, weakThen, silent], TODAY);
				expect(ranked.every((s) => s.timeFit === 'any')).toBe(true);
				expect(ranked[0]!.offerId).not.toBe('offer-b');
			}
		});

		it('counts a volunteer whose days have all passed as having no common time, not as unknown', () => {
			const past = { ...silent, id: 'offer-v', dates: [{ date: '2026-11-17', start: 540, end: 720 }] };
			expect(score(need, past, TODAY).timeFit).toBe('none');
		});

		// An oracle independent of scoring.ts: lay both sides' free minutes out on concrete days from
		// TODAY (a Monday, so day i is weekday i % 7) up to past the last day given, and look for a
		// minute both are free.
		const ISO = (i: number) => new Date(Date.UTC(2026, 10, 23 + i)).toISOString().slice(0, 10);
		const HORIZON = 30;
		const freeOn = (side: { windows: Window[]; dates: DateItem[] }, i: number): [number, number][] => [
			...side.windows.filter((w) => w.day === i % 7).map((w): [number, number] => [w.start, w.end]),
			...side.dates
				.filter((d) => d.date === ISO(i))
				.map((d): [number, number] => (d.start !== undefined && d.end !== undefined ? [d.start, d.end] : [0, 1440]))
		];
		const meetsSomeDay = (a: { windows: Window[]; dates: DateItem[] }, b: { windows: Window[]; dates: DateItem[] }) => {
			for (let i = 0; i < HORIZON; i++)
				for (const [s1, e1] of freeOn(a, i)) for (const [s2, e2] of freeOn(b, i)) if (Math.min(e1, e2) > Math.max(s1, s2)) return true;
			return false;
		};
		const windowArb = fc
			.record({ day: fc.integer({ min: 0, max: 6 }), start: fc.integer({ min: 0, max: 22 }), hours: fc.integer({ min: 1, max: 4 }) })
			.map(({ day, start, hours }) => ({ day, start: start * 60, end: Math.min(1440, (start + hours) * 60) }));
		// Days from a week before TODAY (ignored) to three weeks after, with and without times.
		const dateArb = fc
			.record({
				i: fc.integer({ min: -7, max: 20 }),
				start: fc.integer({ min: 0, max: 22 }),
				hours: fc.integer({ min: 1, max: 4 }),
				timed: fc.boolean()
			})
			.map(({ i, start, hours, timed }): DateItem =>
				timed ? { date: ISO(i), start: start * 60, end: Math.min(1440, (start + hours) * 60) } : { date: ISO(i) }
			);
		const timedOfferArb = offerArb.chain((o) =>
			fc
				.record({ windows: fc.array(windowArb, { maxLength: 3 }), dates: fc.array(dateArb, { maxLength: 2 }) })
				.map((t) => ({ ...o, category: need.category, ...t }))
		);

		it('ranks every candidate with common time above every one without, for any data (days against windows too)', () => {
			fc.assert(
				fc.property(
					fc.array(timedOfferArb, { maxLength: 40 }),
					fc.array(windowArb, { maxLength: 3 }),
					fc.array(dateArb, { maxLength: 3 }),
					fc.boolean(),
					(offers, windows, dates, safeguarded) => {
						const n = { ...need, windows, dates, safeguarded };
						const asksTime = windows.length > 0 || dates.some((d) => d.date >= TODAY);
						const ranked = rank(n, offers, TODAY, 100);
						const byId = new Map(offers.map((o) => [o.id, o]));
						const common = ranked.map((s) => meetsSomeDay(n, byId.get(s.offerId)!));
						for (const [i, s] of ranked.entries()) {
							const o = byId.get(s.offerId)!;
							if (!asksTime) expect(s.timeFit).toBe('any');
							else expect(s.timeFit).toBe(common[i] ? 'common' : o.windows.length || o.dates.length ? 'none' : 'unknown');
						}
						if (asksTime) {
							const lastCommon = common.lastIndexOf(true);
							const firstWithout = common.indexOf(false);
							if (lastCommon >= 0 && firstWithout >= 0) expect(lastCommon).toBeLessThan(firstWithout);
							// Those who gave no times come before those whose times never meet.
							const fits = ranked.map((s) => s.timeFit);
							if (fits.includes('none')) expect(fits.lastIndexOf('unknown')).toBeLessThan(fits.indexOf('none'));
						}
					}
				),
				{ numRuns: 300 }
			);
		});
	});
});
