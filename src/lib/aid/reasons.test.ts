import { describe, expect, it } from 'vitest';
import { formatDistance, formatWindow, reasonText } from './reasons.ts';

describe('reasons in words', () => {
	it('reads in Dutch', () => {
		expect(reasonText({ code: 'language', points: 30, language: 'bg' }, 'nl')).toBe('spreekt Bulgaars');
		expect(reasonText({ code: 'distance', points: 25, metres: 333 }, 'nl')).toBe('op 330 m');
		expect(reasonText({ code: 'time', points: 20, day: 1, start: 600, end: 720 }, 'nl')).toMatch(/^vrij op dinsdag 10:00\s?[–-]\s?12:00$/);
		expect(reasonText({ code: 'experience', points: 9, count: 3, ageGroup: '65+' }, 'nl')).toBe('hielp al 3 keer');
	});

	it('reads in French, Arabic and Turkish too', () => {
		expect(reasonText({ code: 'language', points: 30, language: 'tr' }, 'fr')).toBe('parle turc');
		expect(reasonText({ code: 'same_area', points: 10 }, 'ar')).toBe('في نفس الحي');
		expect(formatDistance(1540, 'fr')).toMatch(/^1,5\s?km$/);
		expect(formatWindow({ day: 0, start: 540, end: 600 }, 'tr')).toMatch(/^Pazartesi /);
	});
});
