import { describe, expect, it } from 'vitest';
import { createNeedInput, createOfferInput, datesInput } from './validation.ts';
import { addDays, addYears, todayInBelgium } from '../core/index.ts';

const PERSON = '11111111-1111-4111-8111-111111111111';
const AREA = '22222222-2222-4222-8222-222222222222';
const base = { personId: PERSON, areaId: AREA, category: 'errands', title: 'Boodschappen op dinsdag' };
const firstMessage = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }) => (r.success ? null : r.error!.issues[0]!.message);

// The bad input the issue names, each with its own message.
describe('needs and offers: bad input is refused with a message', () => {
	it('accepts a plain need and a plain offer', () => {
		const need = createNeedInput.parse({ ...base, windows: [{ day: 1, start: 540, end: 720 }], languages: ['bg', 'nl', 'bg'] });
		expect(need.languages).toEqual(['bg', 'nl']);
		expect(need.safeguarded).toBe(false);
		expect(createOfferInput.parse({ ...base, capacity: '2' }).capacity).toBe(2);
	});

	it('refuses an unknown category', () => {
		expect(firstMessage(createNeedInput.safeParse({ ...base, category: 'hacking' }))).toBe('aid_error_category');
	});

	it('refuses a time window that ends before it starts', () => {
		expect(firstMessage(createNeedInput.safeParse({ ...base, windows: [{ day: 1, start: 720, end: 540 }] }))).toBe('aid_error_window_order');
	});

	it('refuses overlapping windows but not touching ones', () => {
		const overlap = [
			{ day: 2, start: 540, end: 660 },
			{ day: 2, start: 600, end: 720 }
		];
		expect(firstMessage(createNeedInput.safeParse({ ...base, windows: overlap }))).toBe('aid_error_window_overlap');
		const touching = [
			{ day: 2, start: 540, end: 600 },
			{ day: 2, start: 600, end: 720 }
		];
		expect(createNeedInput.safeParse({ ...base, windows: touching }).success).toBe(true);
	});

	it('refuses coordinates out of range', () => {
		expect(firstMessage(createNeedInput.safeParse({ ...base, point: { lat: 91, lon: 3.7 } }))).toBe('aid_error_coordinates');
		expect(firstMessage(createNeedInput.safeParse({ ...base, point: { lat: 51, lon: -181 } }))).toBe('aid_error_coordinates');
	});

	it('refuses a capacity of 0 or 10 000', () => {
		expect(firstMessage(createOfferInput.safeParse({ ...base, capacity: 0 }))).toBe('aid_error_capacity');
		expect(firstMessage(createOfferInput.safeParse({ ...base, capacity: 10_000 }))).toBe('aid_error_capacity');
	});

	it('refuses a text of 100 000 characters and control characters', () => {
		expect(firstMessage(createNeedInput.safeParse({ ...base, description: 'x'.repeat(100_000) }))).toBe('error_too_long');
		expect(firstMessage(createNeedInput.safeParse({ ...base, description: 'a\u0000b' }))).toBe('error_characters');
		expect(createNeedInput.parse({ ...base, description: 'line one\nline two' }).description).toBe('line one\nline two');
	});
});

describe('specific days', () => {
	const today = todayInBelgium();
	const day = (n: number) => addDays(today, n);
	const dates = (ds: unknown) => createNeedInput.safeParse({ ...base, dates: ds });

	it('accepts weekly windows only, days only, both, or neither ("any time")', () => {
		expect(createNeedInput.parse({ ...base, windows: [{ day: 1, start: 540, end: 720 }] }).dates).toBeUndefined();
		expect(createNeedInput.parse({ ...base, dates: [{ date: day(3) }] }).dates).toEqual([{ date: day(3) }]);
		const both = createOfferInput.parse({
			...base,
			capacity: 1,
			windows: [{ day: 1, start: 540, end: 720 }],
			dates: [{ date: day(3), start: '540', end: 600 }]
		});
		expect(both.dates).toEqual([{ date: day(3), start: 540, end: 600 }]);
		const neither = createNeedInput.parse(base);
		expect(neither.windows).toEqual([]);
		expect(neither.dates).toBeUndefined();
	});

	it('accepts today and a year ahead, in calendar order', () => {
		expect(datesInput.parse([{ date: addYears(today, 1) }, { date: today, start: 600, end: 660 }, { date: today }])).toEqual([
			{ date: today },
			{ date: today, start: 600, end: 660 },
			{ date: addYears(today, 1) }
		]);
	});

	it('refuses a day that has passed, and one more than a year ahead', () => {
		expect(firstMessage(dates([{ date: day(-1) }]))).toBe('aid_error_date_past');
		expect(firstMessage(dates([{ date: addDays(addYears(today, 1), 1) }]))).toBe('aid_error_date_far');
	});

	it('refuses an end before the start, and one time without the other', () => {
		expect(firstMessage(dates([{ date: day(2), start: 720, end: 540 }]))).toBe('aid_error_window_order');
		expect(firstMessage(dates([{ date: day(2), start: 600, end: 600 }]))).toBe('aid_error_window_order');
		expect(firstMessage(dates([{ date: day(2), start: 600 }]))).toBe('aid_error_date_times');
		expect(firstMessage(dates([{ date: day(2), end: 600 }]))).toBe('aid_error_date_times');
		expect(firstMessage(dates([{ date: day(2), start: 600, end: 2000 }]))).toBe('aid_error_time');
	});

	it('refuses a sixth day and the same day and time twice', () => {
		expect(firstMessage(dates([1, 2, 3, 4, 5, 6].map((n) => ({ date: day(n) }))))).toBe('aid_error_dates_too_many');
		expect(dates([1, 2, 3, 4, 5].map((n) => ({ date: day(n) }))).success).toBe(true);
		expect(firstMessage(dates([{ date: day(2) }, { date: day(2) }]))).toBe('aid_error_date_duplicate');
		expect(
			firstMessage(
				dates([
					{ date: day(2), start: 60, end: 120 },
					{ date: day(2), start: 60, end: 120 }
				])
			)
		).toBe('aid_error_date_duplicate');
		expect(dates([{ date: day(2) }, { date: day(2), start: 60, end: 120 }]).success).toBe(true);
	});

	it('refuses malformed and unreal days, with a message key for each', () => {
		for (const bad of ['2026-02-30', '2026-13-01', '30/11/2026', 'tomorrow', '2026-1-5'])
			expect(firstMessage(dates([{ date: bad }])), bad).toBe('error_date');
		expect(firstMessage(dates([{ date: '' }]))).toBe('error_required');
		expect(firstMessage(dates([{}]))).toBe('error_date');
		expect(firstMessage(dates(['2026-12-01']))).toBe('error_date');
		expect(firstMessage(dates('2026-12-01'))).toBe('error_date');
		expect(firstMessage(dates([{ date: day(2), start: 'noon', end: 720 }]))).toBe('aid_error_time');
	});
});
