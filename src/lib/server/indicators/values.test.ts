import { describe, expect, it } from 'vitest';
import { shapeValues, statusOf } from './values.ts';

const months = [
	{ from: '2025-01-01', to: '2025-02-01' },
	{ from: '2025-02-01', to: '2025-03-01' },
	{ from: '2025-03-01', to: '2025-04-01' },
	{ from: '2025-04-01', to: '2025-05-01' }
];
const range = { from: '2025-01-01', to: '2025-05-01' };

describe('values against the target', () => {
	it('met at the target, near from 80 %, behind below', () => {
		expect(statusOf(30, 30)).toBe('met');
		expect(statusOf(24, 30)).toBe('near');
		expect(statusOf(23.9, 30)).toBe('behind');
		expect(statusOf(0, 0)).toBe('met');
	});

	it('for a reader outside the organisation, people counts are rounded to 5 and the light is of the published value', () => {
		const out = shapeValues({ measure: 'people', perWeek: false, target: 70 }, months, [68, 72, 3, 0], range, '2025-12-01', { audience: 'external' });
		expect(out.map((p) => [p.value.value, p.value.suppressed, p.value.rounded ?? false, p.status])).toEqual([
			[70, false, true, 'met'],
			[70, false, true, 'met'],
			[null, true, false, 'hidden'],
			[0, false, true, 'behind']
		]);
		// Hours are not people counts: never rounded.
		const hours = shapeValues({ measure: 'hours', perWeek: false, target: 30 }, months, [31, 29, 1, 2], range, '2025-12-01', {
			audience: 'external'
		});
		expect(hours.map((p) => p.value)).toEqual([31, 29, 1, 2].map((value) => ({ value, suppressed: false })));
	});

	it('people counts of 1–4 are hidden and get no status; hours and events are shown as they are', () => {
		const people = shapeValues({ measure: 'people', perWeek: false, target: 3 }, months, [4, 0, 5, 2], range, '2025-03-15');
		expect(people.map((p) => [p.value.value, p.value.suppressed, p.status, p.current])).toEqual([
			[null, true, 'hidden', false],
			[0, false, 'behind', false],
			[5, false, 'met', true],
			[null, false, 'pending', false]
		]);
		const events = shapeValues({ measure: 'events', perWeek: false, target: 3 }, months, [4, 2, 1, 1], range, '2025-12-01');
		expect(events.map((p) => p.value)).toEqual([4, 2, 1, 1].map((value) => ({ value, suppressed: false })));
	});

	it('an average per week divides by the month’s days ÷ 7, one decimal', () => {
		const hours = shapeValues({ measure: 'hours', perWeek: true, target: 30 }, months, [120, 120, 0, 0], range, '2025-12-01');
		// January: 120 ÷ (31 ÷ 7) = 27.1; February: 120 ÷ 4 = 30.
		expect(hours.slice(0, 2).map((p) => [p.value.value, p.status])).toEqual([
			[27.1, 'near'],
			[30, 'met']
		]);
	});

	it('a manual indicator without a value entered is pending', () => {
		const manual = shapeValues({ measure: null, perWeek: false, target: 1 }, months, [null, 2, null, null], range, '2025-12-01');
		expect(manual.map((p) => p.status)).toEqual(['pending', 'met', 'pending', 'pending']);
	});
});
