import { describe, expect, it } from 'vitest';
import { QUICK_TIMES, quickWindows } from './quick-times.ts';

describe('quick time picks', () => {
	it('weekday mornings are Monday to Friday 9–12', () => {
		expect(quickWindows(['mornings'])).toEqual([0, 1, 2, 3, 4].map((day) => ({ day, start: 540, end: 720 })));
	});

	it('weekends are Saturday and Sunday 10–17', () => {
		expect(quickWindows(['weekends'])).toEqual([
			{ day: 5, start: 600, end: 1020 },
			{ day: 6, start: 600, end: 1020 }
		]);
	});

	it('all picks together are 17 windows (the verbs take 21)', () => {
		expect(quickWindows([...QUICK_TIMES])).toHaveLength(17);
	});

	it('ignores what is not a pick', () => {
		expect(quickWindows(['day', 'nonsense'])).toEqual([]);
	});
});
