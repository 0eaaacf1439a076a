import { describe, expect, it } from 'vitest';
import { onDuty, timeValue, weekdayNames } from './week.ts';

describe('week helpers', () => {
	it('formats times for inputs and names weekdays Monday first', () => {
		expect(timeValue(570)).toBe('09:30');
		expect(timeValue(1440)).toBe('23:59');
		expect(weekdayNames('nl')[0]).toBe('maandag');
		expect(weekdayNames('fr')[6]).toBe('dimanche');
	});
});

describe('the office hour on duty', () => {
	const hours = [
		{ id: 'mon', day: 0, start: 540, end: 720 },
		{ id: 'tue-am', day: 1, start: 540, end: 720 },
		{ id: 'tue-pm', day: 1, start: 840, end: 960 }
	];
	it('picks the one running now, else the next today, else one today, else the first', () => {
		expect(onDuty(hours, { day: 1, minute: 600 })?.id).toBe('tue-am');
		expect(onDuty(hours, { day: 1, minute: 750 })?.id).toBe('tue-pm');
		expect(onDuty(hours, { day: 1, minute: 1000 })?.id).toBe('tue-am');
		expect(onDuty(hours, { day: 4, minute: 600 })?.id).toBe('mon');
		expect(onDuty([], { day: 4, minute: 600 })).toBeNull();
	});
});
