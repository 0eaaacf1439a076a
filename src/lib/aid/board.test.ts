import { describe, expect, it } from 'vitest';
import { formatSince, formatWindows } from './board.ts';

describe('the needs board in words', () => {
	it('says since when in whole weeks, then months, never a date', () => {
		expect(formatSince(0, 'en')).toBe('this week');
		expect(formatSince(1, 'en')).toBe('1 week ago');
		expect(formatSince(2, 'nl')).toBe('2 weken geleden');
		expect(formatSince(10, 'fr')).toBe('il y a 2 mois');
		expect(formatSince(-3, 'en')).toBe('this week');
		expect(formatSince(0, 'ar')).toBe('هذا الأسبوع');
	});

	it('lists the weekly windows as alternatives', () => {
		const text = formatWindows(
			[
				{ day: 1, start: 600, end: 720 },
				{ day: 3, start: 840, end: 960 }
			],
			'nl'
		);
		expect(text).toMatch(/^dinsdag 10:00\s?[–-]\s?12:00 of donderdag 14:00\s?[–-]\s?16:00$/);
		expect(formatWindows([], 'tr')).toBe('');
	});
});
