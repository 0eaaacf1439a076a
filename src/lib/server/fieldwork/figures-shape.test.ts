import { describe, expect, it } from 'vitest';
import { shapeFigures, type FigureRow } from './figures-shape.ts';

const Q = { from: '2025-01-01', to: '2025-12-31', areaId: null, theme: null, type: null };
const row = (dim: string, key: string, n: number, minutes = 0, name: string | null = null): FigureRow => ({ dim, key, n, minutes, name });
const v = (c: { value: number | null; suppressed: boolean }) => (c.suppressed ? '<5' : c.value);

describe('the fieldwork figures from counted rows', () => {
	it('fills every type, theme, month and status with zeros, in a fixed order', () => {
		const f = shapeFigures(Q, []);
		expect(f.byType.map((r) => r.type)).toEqual(['home_visit', 'street', 'office_hours', 'phone', 'group', 'at_partner', 'online']);
		expect(f.byTheme).toHaveLength(12);
		expect(f.byMonth.map((r) => r.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`));
		expect(f.questions.byStatus.map((r) => v(r.count))).toEqual([0, 0, 0, 0, 0]);
		expect(v(f.totals.contacts)).toBe(0);
		expect(f.homeVisits.years).toEqual([
			{
				year: '2025',
				months: 12,
				target: 60,
				total: { value: 0, suppressed: false },
				workers: { value: 0, suppressed: false },
				perWorker: { value: 0, suppressed: false }
			}
		]);
	});

	it('hides hours wherever their contacts are hidden, and rounds minutes to whole hours', () => {
		const f = shapeFigures(Q, [row('total', '', 12, 750), row('type', 'home_visit', 9, 540), row('type', 'phone', 3, 210)]);
		expect(v(f.totals.hours)).toBe(13);
		// phone 3 is hidden, and so is home visits: the only other non-zero cell would give it back.
		expect(f.byType.slice(0, 4).map((r) => [v(r.contacts), v(r.hours)])).toEqual([
			['<5', '<5'],
			[0, 0],
			[0, 0],
			['<5', '<5']
		]);
		expect(v(f.totals.homeVisits)).toBe('<5');
		expect(v(f.homeVisits.years[0]!.total)).toBe('<5');
	});

	it('gives a per-worker average only over five or more workers, with one decimal', () => {
		const visits = [row('type', 'home_visit', 37, 0), row('home_year', '2025', 37), row('workers_year', '2025', 6)];
		expect(v(shapeFigures(Q, visits).homeVisits.years[0]!.perWorker)).toBe(6.2);
		const few = shapeFigures(Q, [row('type', 'home_visit', 37, 0), row('home_year', '2025', 37), row('workers_year', '2025', 1)]);
		expect(v(few.homeVisits.years[0]!.perWorker)).toBe('<5');
		expect(v(few.homeVisits.years[0]!.workers)).toBe('<5');
	});

	it('shares the target over a period across two years by its months', () => {
		const f = shapeFigures({ ...Q, from: '2024-10-01', to: '2025-03-31' }, []);
		expect(f.homeVisits.years.map((y) => [y.year, y.months, y.target])).toEqual([
			['2024', 3, 15],
			['2025', 3, 15]
		]);
	});

	it('hides the overrides when they are 1 to 4, or when the referrals without one would be', () => {
		const base = [row('referral', 'referred', 10), row('referral', 'helped', 10)];
		expect(v(shapeFigures(Q, [...base, row('override', '', 3)]).referrals.overrides)).toBe('<5');
		expect(v(shapeFigures(Q, [...base, row('override', '', 17)]).referrals.overrides)).toBe('<5');
		expect(v(shapeFigures(Q, [...base, row('override', '', 6)]).referrals.overrides)).toBe(6);
		expect(v(shapeFigures(Q, base).referrals.total)).toBe(20);
	});

	it('keeps codes it does not know and neighbourhoods without a name last', () => {
		const f = shapeFigures(Q, [row('theme', 'new_theme', 8, 60), row('area', '', 6, 60), row('area', 'a1', 9, 60, 'Rabot')]);
		expect(f.byTheme.at(-1)).toMatchObject({ theme: 'new_theme', contacts: { value: 8 } });
		expect(f.byArea.map((r) => [r.areaId, r.name])).toEqual([
			['a1', 'Rabot'],
			[null, null]
		]);
	});
});

describe('the fieldwork figures for an external audience', () => {
	it('rounds every shown count to 5 (hours and averages stay as they are), hiding the same cells', () => {
		const rows = [row('total', '', 23, 750), row('type', 'home_visit', 16, 540), row('type', 'phone', 7, 210), row('people', '', 12)];
		const inside = shapeFigures(Q, rows);
		const outside = shapeFigures(Q, rows, { audience: 'external' });
		expect(outside.totals.contacts).toEqual({ value: 25, suppressed: false, rounded: true });
		expect(outside.totals.knownPeople).toEqual({ value: 10, suppressed: false, rounded: true });
		expect(outside.byType.map((r) => v(r.contacts)).slice(0, 4)).toEqual([15, 0, 0, 5]);
		expect(outside.totals.hours).toEqual(inside.totals.hours);
		expect(inside.totals.contacts).toEqual({ value: 23, suppressed: false });
		expect(outside.byType.map((r) => r.contacts.suppressed)).toEqual(inside.byType.map((r) => r.contacts.suppressed));
	});
});
