import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cell, lastTwelveMonths, monthsOf, suppressNested, suppressTable } from './rules.ts';

const values = (cells: ReturnType<typeof suppressTable>) => cells.map((c) => (c.suppressed ? 'x' : c.value));

describe('a single figure', () => {
	it('hides 1 to 4 and shows 0 and 5 and up', () => {
		expect(cell(0)).toEqual({ value: 0, suppressed: false });
		for (const n of [1, 2, 3, 4]) expect(cell(n)).toEqual({ value: null, suppressed: true });
		expect(cell(5)).toEqual({ value: 5, suppressed: false });
		expect(cell(1234)).toEqual({ value: 1234, suppressed: false });
	});
});

describe('a table with a total', () => {
	it('hides the small cells and leaves the rest alone when two or more are hidden', () => {
		expect(values(suppressTable([3, 5, 0, 2, 40]))).toEqual(['x', 5, 0, 'x', 40]);
	});

	it('hides the smallest other non-zero cell when only one cell is small', () => {
		expect(values(suppressTable([3, 12, 0, 7, 40]))).toEqual(['x', 12, 0, 'x', 40]);
		expect(values(suppressTable([50, 0, 4]))).toEqual(['x', 0, 'x']);
	});

	it('hides nothing more when the small cell is the only non-zero one (its total is small too)', () => {
		expect(values(suppressTable([0, 3, 0]))).toEqual([0, 'x', 0]);
		expect(cell(3).suppressed).toBe(true);
	});

	it('shows a table without small cells as it is', () => {
		expect(values(suppressTable([5, 0, 9]))).toEqual([5, 0, 9]);
		expect(suppressTable([])).toEqual([]);
	});

	const table = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 }), fc.nat(200)), { maxLength: 15 });

	it('never shows a count of 1 to 4, and shows every other cell unchanged or hidden', () => {
		fc.assert(
			fc.property(table, (vs) => {
				const cells = suppressTable(vs);
				cells.forEach((c, i) => {
					if (c.suppressed) expect(c.value).toBeNull();
					else {
						expect(c.value).toBe(vs[i]);
						expect(c.value! >= 1 && c.value! <= 4).toBe(false);
					}
				});
			}),
			{ numRuns: 2000 }
		);
	});

	it('never leaves a single hidden cell that the shown total minus the shown cells would give back', () => {
		fc.assert(
			fc.property(table, (vs) => {
				const cells = suppressTable(vs);
				const total = cell(vs.reduce((a, b) => a + b, 0));
				if (total.suppressed) return;
				const hidden = cells.filter((c) => c.suppressed).length;
				// With one hidden cell, total − shown cells is exactly its value: that must never happen.
				expect(hidden).not.toBe(1);
				// And what the subtraction gives is always the sum of two or more hidden cells, or nothing.
				const shown = cells.reduce((a, c) => a + (c.value ?? 0), 0);
				if (hidden === 0) expect(total.value).toBe(shown);
			}),
			{ numRuns: 2000 }
		);
	});
});

describe('the calendar of a period', () => {
	it('defaults to the 12 whole months ending with the current one', () => {
		// The current month included (today's links count), whole months.
		expect(lastTwelveMonths('2026-11-15')).toEqual({ from: '2025-12-01', to: '2026-11-30' });
		expect(lastTwelveMonths('2026-01-01')).toEqual({ from: '2025-02-01', to: '2026-01-31' });
		expect(lastTwelveMonths('2024-02-10')).toEqual({ from: '2023-03-01', to: '2024-02-29' });
		expect(lastTwelveMonths('2026-12-01')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
	});

	it('lists every month a period touches', () => {
		expect(monthsOf('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
		expect(monthsOf('2026-05-01', '2026-05-31')).toEqual(['2026-05']);
		expect(monthsOf('2021-01-01', '2025-12-31')).toHaveLength(60);
	});
});

describe('suppressNested', () => {
	const pairs = [['whole', 'part']] as const;
	it('hides the part when the difference is a group of 1 to 4', () => {
		expect(suppressNested({ whole: 40, part: 37 }, pairs)).toEqual({
			whole: { value: 40, suppressed: false },
			part: { value: null, suppressed: true }
		});
	});
	it('shows both when the difference is 0 or at least 5', () => {
		expect(suppressNested({ whole: 40, part: 40 }, pairs).part).toEqual({ value: 40, suppressed: false });
		expect(suppressNested({ whole: 40, part: 35 }, pairs).part).toEqual({ value: 35, suppressed: false });
	});
	it('keeps small figures hidden on their own, whatever the pair', () => {
		expect(suppressNested({ whole: 3, part: 0 }, pairs)).toEqual({ whole: { value: null, suppressed: true }, part: { value: 0, suppressed: false } });
	});
	it('never lets whole − part be a shown group of 1 to 4 (any counts)', () => {
		fc.assert(
			fc.property(fc.nat(60), fc.nat(60), (a, b) => {
				const [whole, part] = a >= b ? [a, b] : [b, a];
				const c = suppressNested({ whole, part }, pairs);
				if (!c.whole.suppressed && !c.part.suppressed) {
					const d = c.whole.value! - c.part.value!;
					expect(d === 0 || d >= 5).toBe(true);
				}
			})
		);
	});
});
