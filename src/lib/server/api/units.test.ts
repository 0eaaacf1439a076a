import { describe, expect, it } from 'vitest';
import { apiWindow, dateIn, dateOut, windowIn, windowOut } from './units.ts';

describe('the API units', () => {
	it('turns an ISO weekday and HH:MM times into the internal window and back', () => {
		const w = apiWindow.parse({ day: 1, start: '09:30', end: '24:00' });
		expect(windowIn(w)).toEqual({ day: 0, start: 570, end: 1440 });
		expect(windowOut({ day: 6, start: 0, end: 75 })).toEqual({ day: 7, start: '00:00', end: '01:15' });
	});

	it('refuses day 0, day 8 and times that are not HH:MM', () => {
		for (const bad of [{ day: 0 }, { day: 8 }, { start: '9:30' }, { start: '24:30' }, { end: '12:60' }])
			expect(apiWindow.safeParse({ day: 3, start: '09:00', end: '10:00', ...bad }).success, JSON.stringify(bad)).toBe(false);
	});

	it('keeps a day without times without times', () => {
		expect(dateIn({ date: '2027-03-28' })).toEqual({ date: '2027-03-28' });
		expect(dateOut({ date: '2027-03-28', start: 60, end: 120 })).toEqual({ date: '2027-03-28', start: '01:00', end: '02:00' });
	});
});
