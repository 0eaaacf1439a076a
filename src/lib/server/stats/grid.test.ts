import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { audienceOf, cell, suppressGrid, suppressNested, suppressTable, type Grid } from './rules.ts';

// The published-figures rules: secondary suppression of tables with totals both ways, and rounding to 5
// of figures that leave the organisation. The properties are checked on random tables, with an
// attacker's view of them (the equations the published figures give), not by restating the design.

/** The (R+1) × (C+1) array of a grid: rows with their total, then the column totals and the grand total. */
function whole(g: Grid) {
	return [...g.cells.map((row, i) => [...row, g.rowTotals[i]!]), [...g.columnTotals, g.total]];
}
function exactWhole(values: number[][]) {
	const rows = values.map((r) => [...r, r.reduce((a, b) => a + b, 0)]);
	rows.push(rows[0]!.map((_, j) => rows.reduce((a, r) => a + r[j]!, 0)));
	return rows;
}

/**
 * What an attacker can do with the published figures: every line (a row and its total, a column and
 * its total, the row totals and the grand total, the column totals and it) is an equation over the hidden
 * entries. Solved by Gaussian elimination: a hidden entry is pinned when its row of the reduced system
 * names no free unknown. Else a direction in the null space moves it while keeping every equation; the
 * test walks a small step both ways and checks the result is still a solution with every count ≥ 0.
 */
function attack(values: number[][], g: Grid) {
	const pub = whole(g);
	const exact = exactWhole(values);
	const R = pub.length;
	const C = pub[0]!.length;
	const unknowns: [number, number][] = [];
	pub.forEach((row, i) => row.forEach((c, j) => c.suppressed && unknowns.push([i, j])));
	const index = new Map(unknowns.map(([i, j], k) => [`${i},${j}`, k]));
	const n = unknowns.length;
	const eqs: number[][] = []; // n coefficients, then the right-hand side
	const line = (entries: [number, number, number][]) => {
		const e = Array<number>(n + 1).fill(0);
		for (const [i, j, sign] of entries) {
			const k = index.get(`${i},${j}`);
			if (k === undefined) e[n]! -= sign * pub[i]![j]!.value!;
			else e[k]! += sign;
		}
		eqs.push(e);
	};
	for (let i = 0; i < R; i++) line(pub[i]!.map((_, j) => [i, j, j === C - 1 ? -1 : 1]));
	for (let j = 0; j < C; j++) line(pub.map((_, i) => [i, j, i === R - 1 ? -1 : 1]));
	// Reduced row echelon form.
	const pivots: number[] = [];
	let r = 0;
	for (let c = 0; c < n && r < eqs.length; c++) {
		let p = r;
		while (p < eqs.length && Math.abs(eqs[p]![c]!) < 1e-9) p++;
		if (p === eqs.length) continue;
		[eqs[r], eqs[p]] = [eqs[p]!, eqs[r]!];
		const f = eqs[r]![c]!;
		eqs[r] = eqs[r]!.map((v) => v / f);
		for (let q = 0; q < eqs.length; q++) if (q !== r && Math.abs(eqs[q]![c]!) > 1e-9) eqs[q] = eqs[q]!.map((v, k) => v - eqs[q]![c]! * eqs[r]![k]!);
		pivots.push(c);
		r++;
	}
	const free = [...Array(n).keys()].filter((c) => !pivots.includes(c));
	const x = unknowns.map(([i, j]) => exact[i]![j]!);
	const satisfies = (y: number[]) =>
		eqs.every((e) => Math.abs(e.slice(0, n).reduce((a, v, k) => a + v * y[k]!, 0) - e[n]!) < 1e-6) && y.every((v) => v >= -1e-9);
	expect(satisfies(x)).toBe(true); // the true counts solve the attacker's system
	return unknowns.map((_, k) => {
		const row = pivots.indexOf(k);
		const f = row < 0 ? k : free.find((c) => Math.abs(eqs[row]![c]!) > 1e-9);
		if (f === undefined) return { pinned: true, values: 1 };
		const dir = Array<number>(n).fill(0);
		dir[f] = 1;
		pivots.forEach((p, q) => (dir[p] = -eqs[q]![f]!));
		const step = 0.5 / Math.max(...dir.map(Math.abs));
		const alternatives = [step, -step].map((s) => x.map((v, m) => v + s * dir[m]!)).filter((y) => satisfies(y) && Math.abs(y[k]! - x[k]!) > 1e-9);
		return { pinned: false, values: 1 + alternatives.length };
	});
}

const count = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 40 }));
const table = fc.integer({ min: 1, max: 6 }).chain((c) => fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: 1, maxLength: 6 }));
const shown = (g: Grid) => whole(g).flat();

describe('a table with totals both ways', () => {
	it('hides the small cells and enough others that no row or column gives one back', () => {
		const g = suppressGrid([
			[3, 10, 12],
			[8, 9, 20]
		]);
		const v = whole(g).map((row) => row.map((c) => (c.suppressed ? 'x' : c.value)));
		// 3 alone in its row and column: the smallest cells closing a cycle through it are hidden too.
		expect(v).toEqual([
			['x', 'x', 12, 25],
			['x', 'x', 20, 37],
			[11, 19, 32, 62]
		]);
	});

	it('shows a table without small cells as it is, with its totals', () => {
		const g = suppressGrid([
			[5, 6],
			[7, 0]
		]);
		expect(whole(g).map((row) => row.map((c) => c.value))).toEqual([
			[5, 6, 11],
			[7, 0, 7],
			[12, 6, 18]
		]);
		expect(suppressGrid([]).total).toEqual({ value: 0, suppressed: false });
	});

	it('never shows 1 to 4, and shows every other entry unchanged or hidden', () => {
		fc.assert(
			fc.property(table, (vs) => {
				const exact = exactWhole(vs).flat();
				shown(suppressGrid(vs)).forEach((c, k) => {
					if (c.suppressed) expect(c.value).toBeNull();
					else {
						expect(c.value).toBe(exact[k]);
						expect(c.value! >= 1 && c.value! <= 4).toBe(false);
					}
				});
			}),
			{ numRuns: 1500 }
		);
	});

	it('leaves no hidden entry that the published cells and totals determine (Gaussian elimination, two more solutions)', () => {
		let hiddenSeen = 0;
		fc.assert(
			fc.property(table, (vs) => {
				const result = attack(vs, suppressGrid(vs));
				hiddenSeen += result.length;
				for (const r of result) {
					expect(r.pinned).toBe(false);
					expect(r.values).toBeGreaterThanOrEqual(2);
				}
			}),
			{ numRuns: 1500 }
		);
		expect(hiddenSeen).toBeGreaterThan(1000); // the generator makes tables with small groups
	});

	it('the attack does find a cell hidden alone (the test can fail)', () => {
		const vs = [
			[3, 10],
			[8, 9]
		];
		const naive = suppressGrid(vs);
		// Only the primary suppression: 3 hidden, everything else shown.
		naive.cells[0]![1] = cell(10);
		naive.cells[1]![0] = cell(8);
		naive.cells[1]![1] = cell(9);
		naive.rowTotals[0] = cell(13);
		naive.columnTotals[0] = cell(11);
		expect(attack(vs, naive).map((r) => r.pinned)).toEqual([true]);
	});
});

describe('figures that leave the organisation', () => {
	const external = { audience: 'external' } as const;

	it('are rounded to 5 after suppression, totals on their own', () => {
		const g = suppressGrid([[6, 7, 12]], external);
		expect(g.cells[0]!.map((c) => c.value)).toEqual([5, 5, 10]);
		expect(g.rowTotals[0]).toEqual({ value: 25, suppressed: false, rounded: true });
		expect(g.total.value).toBe(25);
		expect(cell(3, external)).toEqual({ value: null, suppressed: true });
		expect(cell(0, external)).toEqual({ value: 0, suppressed: false, rounded: true });
		expect(cell(7, external).value).toBe(5);
		expect(cell(8, external).value).toBe(10);
		expect(suppressTable([3, 12, 0], external).map((c) => c.value)).toEqual([null, null, 0]);
		expect(suppressNested({ a: 23, b: 12 }, [['a', 'b']], external)).toEqual({
			a: { value: 25, suppressed: false, rounded: true },
			b: { value: 10, suppressed: false, rounded: true }
		});
	});

	it('keep the exact count beside the published one only in an author’s preview', () => {
		expect(cell(7, { audience: 'external', preview: true })).toEqual({ value: 5, suppressed: false, rounded: true, exact: 7 });
		expect(cell(3, { audience: 'external', preview: true })).toEqual({ value: null, suppressed: true, exact: 3 });
		expect(cell(7, { audience: 'internal', preview: true })).toEqual({ value: 7, suppressed: false });
		expect('exact' in cell(7, external)).toBe(false);
	});

	// Random people counted in a table; a month later the same people plus or minus a few.
	const shifted = table.chain((vs) =>
		fc.tuple(
			fc.constant(vs),
			fc.array(fc.array(fc.integer({ min: -4, max: 4 }), { minLength: vs[0]!.length, maxLength: vs[0]!.length }), {
				minLength: vs.length,
				maxLength: vs.length
			})
		)
	);

	it('two periods a month apart never differ by 1 to 4 on a figure published in both', () => {
		let compared = 0;
		fc.assert(
			fc.property(shifted, ([a, delta]) => {
				const b = a.map((row, i) => row.map((v, j) => Math.max(0, v + delta[i]![j]!)));
				const [pa, pb] = [shown(suppressGrid(a, external)), shown(suppressGrid(b, external))];
				pa.forEach((c, k) => {
					const d = pb[k]!;
					if (c.suppressed || d.suppressed) return;
					compared++;
					const diff = Math.abs(c.value! - d.value!);
					expect(diff === 0 || diff >= 5).toBe(true);
				});
				// The same for single figures and one-line tables.
				const flat = (vs: number[][]) => vs.flat();
				const [ta, tb] = [suppressTable(flat(a), external), suppressTable(flat(b), external)];
				ta.forEach((c, k) => {
					if (c.suppressed || tb[k]!.suppressed) return;
					const diff = Math.abs(c.value! - tb[k]!.value!);
					expect(diff === 0 || diff >= 5).toBe(true);
				});
			}),
			{ numRuns: 1500 }
		);
		expect(compared).toBeGreaterThan(1000);
	});

	it('an area and the whole (area plus the rest) never differ by 1 to 4', () => {
		fc.assert(
			fc.property(table, table, (area, rest) => {
				const R = Math.min(area.length, rest.length);
				const C = Math.min(area[0]!.length, rest[0]!.length);
				const a = area.slice(0, R).map((r) => r.slice(0, C));
				const all = a.map((r, i) => r.map((v, j) => v + rest[i]![j]!));
				const [pa, pw] = [shown(suppressGrid(a, external)), shown(suppressGrid(all, external))];
				pa.forEach((c, k) => {
					if (c.suppressed || pw[k]!.suppressed) return;
					const diff = pw[k]!.value! - c.value!;
					expect(diff === 0 || diff >= 5).toBe(true);
				});
			}),
			{ numRuns: 1500 }
		);
	});

	it('the same periods compared exactly (internal) do differ by 1 to 4: the rounding is what prevents it', () => {
		const a = suppressGrid([[20, 30]]);
		const b = suppressGrid([[22, 30]]);
		expect(b.cells[0]![0]!.value! - a.cells[0]![0]!.value!).toBe(2);
	});

	it('go to API holders outside the organisation', () => {
		expect(audienceOf({ via: 'token', grants: [{ role: 'officer' }] })).toBe('external');
		expect(audienceOf({ via: 'token', grants: [{ role: 'coordinator' }] })).toBe('internal');
		expect(audienceOf({ via: 'session', grants: [{ role: 'officer' }] })).toBe('internal');
	});
});
