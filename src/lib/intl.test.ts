import { describe, expect, it } from 'vitest';
import { intl } from './intl.ts';

// The app is for Belgium: English pages follow Belgian English, with a 24-hour clock (no AM/PM).
const afternoon = Date.UTC(2026, 11, 1, 13, 5); // 14:05 in Brussels

describe('intl formatters', () => {
	it('write English times on a 24-hour clock, without AM/PM', () => {
		const time = intl('DateTimeFormat', 'en', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Brussels' }).format(afternoon);
		expect(time).toBe('14:05');
		const stamp = intl('DateTimeFormat', 'en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(afternoon);
		expect(stamp).toContain('14:05');
		expect(stamp).not.toMatch(/AM|PM/i);
		expect(stamp).toMatch(/^0?1 Dec 2026/);
	});

	it('keep the other languages as they were', () => {
		const t = (l: string) => intl('DateTimeFormat', l, { timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(afternoon);
		for (const l of ['nl', 'fr', 'bg', 'tr']) expect(t(l), l).toContain('14:05');
		expect(intl('NumberFormat', 'nl', {}).format(1234.5)).toBe('1.234,5');
	});
});
