import { describe, expect, it } from 'vitest';
import { formatDate, formatDistance, formatPoints, formatWhen, formatWindow, reasonText } from './reasons.ts';

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

	it('reads a specific day in all six languages, with or without times', () => {
		const r = { code: 'date', points: 20, date: '2026-12-08', start: 540, end: 720 } as const;
		expect(reasonText(r, 'nl')).toMatch(/^vrij op dinsdag 8 december,? 09:00\s?[–-]\s?12:00$/);
		expect(reasonText(r, 'en')).toMatch(/^free on Tuesday, 8 December, 09:00–12:00/);
		expect(reasonText(r, 'fr')).toMatch(/^libre le mardi 8 décembre/);
		expect(reasonText(r, 'bg')).toMatch(/^свободен на вторник/);
		expect(reasonText(r, 'tr')).toMatch(/Salı.*müsait$/);
		expect(reasonText(r, 'ar')).toMatch(/^متاح الثلاثاء/);
		expect(reasonText({ code: 'date', points: 20, date: '2026-12-08' }, 'nl')).toBe('vrij op dinsdag 8 december');
		// Until midnight stays on the same day.
		expect(formatDate({ date: '2026-12-08', start: 1200, end: 1440 }, 'nl')).not.toContain('9 december');
	});

	it('puts weekly windows and days on one line', () => {
		expect(formatWhen({ windows: [{ day: 0, start: 540, end: 600 }], dates: [{ date: '2026-12-08' }] }, 'nl')).toMatch(
			/^maandag .* · dinsdag 8 december$/
		);
		expect(formatWhen({ windows: [] }, 'nl')).toBe('');
	});

	it('signs the points of a reason, so they visibly add up to the score', () => {
		expect(formatPoints(30, 'nl')).toBe('+30');
		expect(formatPoints(-5, 'en')).toMatch(/^[-−]5$/);
		expect(formatPoints(0, 'fr')).toBe('0');
		expect(formatPoints(15, 'ar')).toMatch(/15|١٥/);
	});
});
