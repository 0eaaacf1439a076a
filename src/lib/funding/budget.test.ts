import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AMENDMENT_SKIPPED_RULES, checkAmendment, projectBudget, trancheExcess, type Spending } from './budget.ts';
import { callTemplate } from './templates.ts';
import type { ApplicationBody, BudgetLine } from './types.ts';

const rules = callTemplate('sustainable_contract', { opensAt: new Date('2026-01-05T09:00:00Z'), locale: 'nl' }).rules;

// 100 000 € over four years, decreasing in the last two: 30 000, 30 000, 25 000, 15 000.
const line = (id: string, year: number, euro: number, category: BudgetLine['category'] = 'personnel'): BudgetLine => ({
	id,
	year,
	category,
	description: id,
	amountCents: euro * 100
});
const body: ApplicationBody = {
	title: 'Buurtkeuken',
	summary: '',
	sections: Object.fromEntries(rules.sections.map((s) => [s.key, 'De buurt kookt samen.'])),
	budget: [line('a', 1, 20_000), line('b', 1, 10_000, 'operations'), line('c', 2, 30_000), line('d', 3, 25_000), line('e', 4, 15_000)],
	ownContributionCents: 0,
	startFundCents: 0,
	partners: [],
	targetGroups: [],
	indicators: Array.from({ length: rules.minIndicators }, (_, i) => ({ id: `i${i}`, metric: null, name: `Deelnemers ${i}`, target: 10, unit: 'p' })),
	risks: []
};
const context = { applicantKind: 'association' as const, grantedCents: 10_000_000, spending: [] as Spending[] };

describe('projectBudget', () => {
	it('sums planned, spent and remaining per line, year and category, and flags overspending', () => {
		const b = projectBudget(
			body,
			[
				{ lineId: 'a', year: 1, amountCents: 1_500_000 },
				{ lineId: 'a', year: 1, amountCents: 600_000 },
				{ lineId: 'c', year: 2, amountCents: 100 }
			],
			[
				{ amountCents: 4_000_000, paidCents: 4_000_000 },
				{ amountCents: 3_000_000, paidCents: null }
			],
			10_000_000,
			4
		);
		expect(b.lines[0]).toMatchObject({
			lineId: 'a',
			year: 1,
			plannedCents: 2_000_000,
			spentCents: 2_100_000,
			remainingCents: -100_000,
			overspent: true
		});
		expect(b.lines[2]).toMatchObject({ lineId: 'c', spentCents: 100, remainingCents: 2_999_900, overspent: false });
		expect(b.years.map((y) => [y.plannedCents, y.spentCents, y.overspent])).toEqual([
			[3_000_000, 2_100_000, false],
			[3_000_000, 100, false],
			[2_500_000, 0, false],
			[1_500_000, 0, false]
		]);
		expect(b.categories.find((c) => c.category === 'personnel')).toMatchObject({ plannedCents: 9_000_000, spentCents: 2_100_100 });
		expect(b.total).toMatchObject({ plannedCents: 10_000_000, spentCents: 2_100_100, remainingCents: 7_899_900 });
		expect(b.tranches).toEqual({ plannedCents: 7_000_000, paidCents: 4_000_000, unplannedCents: 3_000_000 });
		expect([b.paidCents, b.leftToPayCents]).toEqual([4_000_000, 6_000_000]);
	});

	it('keeps spending on a line the budget no longer has, planned 0 and overspent', () => {
		const b = projectBudget(body, [{ lineId: 'gone', year: 2, amountCents: 5 }], [], 0);
		expect(b.lines.at(-1)).toMatchObject({ lineId: 'gone', year: 2, category: null, plannedCents: 0, spentCents: 5, overspent: true });
	});

	it('adds up exactly: the lines sum to the years, the categories and the total, whatever the amounts', () => {
		const lines = fc.array(
			fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), year: fc.integer({ min: 1, max: 4 }), amountCents: fc.integer({ min: 1, max: 1e10 }) }),
			{ maxLength: 30 }
		);
		fc.assert(
			fc.property(lines, lines, (planned, spent) => {
				const b = projectBudget(
					{ budget: planned.map((l) => ({ ...l, category: l.id === 'a' ? 'operations' : 'personnel', description: '' })) },
					spent.map((s) => ({ lineId: s.id, year: s.year, amountCents: s.amountCents })),
					[],
					0,
					4
				);
				const total = (xs: { plannedCents: number; spentCents: number }[]) => [
					xs.reduce((a, x) => a + x.plannedCents, 0),
					xs.reduce((a, x) => a + x.spentCents, 0)
				];
				expect(total(b.years)).toEqual(total(b.lines));
				expect(total(b.lines)).toEqual([b.total.plannedCents, b.total.spentCents]);
				expect(b.total.spentCents).toBe(spent.reduce((a, s) => a + s.amountCents, 0));
				for (const l of b.lines) expect(l.overspent).toBe(l.remainingCents < 0);
			})
		);
	});
});

describe('trancheExcess', () => {
	it('says by how much a tranche goes over the grant', () => {
		expect(trancheExcess([{ amountCents: 60, paidCents: null }], 40, 100)).toBe(0);
		expect(trancheExcess([{ amountCents: 60, paidCents: null }], 41, 100)).toBe(1);
	});
});

describe('checkAmendment', () => {
	it('accepts the granted budget itself, years after the deadline (the deadline rules are left out)', () => {
		const check = checkAmendment(rules, body, context);
		expect(check.ok).toBe(true);
		expect(check.rules.some((r) => AMENDMENT_SKIPPED_RULES.has(r.rule))).toBe(false);
		expect(check.rules.length).toBeGreaterThan(0);
	});

	it('refuses a budget that no longer decreases over the last two years, naming the rule', () => {
		const flat = { ...body, budget: body.budget.map((l) => (l.id === 'e' ? { ...l, amountCents: 2_500_000 } : l)) };
		const check = checkAmendment(rules, { ...flat, budget: flat.budget.map((l) => (l.id === 'a' ? { ...l, amountCents: 1_000_000 } : l)) }, context);
		expect(check.ok).toBe(false);
		expect(check.rules.filter((r) => !r.pass).map((r) => [r.rule, r.subject])).toEqual([['yearly_decreasing', '4']]);
	});

	it('refuses more than the granted amount, even under the call cap', () => {
		const check = checkAmendment(rules, body, { ...context, grantedCents: 9_000_000 });
		expect(check.grant).toEqual({ pass: false, grantCents: 10_000_000, grantedCents: 9_000_000 });
		expect(check.ok).toBe(false);
	});

	it('refuses a line brought below what was spent on it, or dropped', () => {
		const spending = [
			{ lineId: 'b', year: 1, amountCents: 600_000 },
			{ lineId: 'e', year: 4, amountCents: 100 }
		];
		const less = {
			...body,
			budget: body.budget.filter((l) => l.id !== 'e').map((l) => (l.id === 'b' ? { ...l, amountCents: 500_000 } : l))
		};
		const check = checkAmendment(rules, less, { ...context, spending });
		expect(check.belowSpent).toEqual([
			{ lineId: 'b', year: 1, plannedCents: 500_000, spentCents: 600_000 },
			{ lineId: 'e', year: 4, plannedCents: 0, spentCents: 100 }
		]);
		expect(check.ok).toBe(false);
		expect(checkAmendment(rules, body, { ...context, spending }).ok).toBe(true);
	});

	it('never lets a line drop below its spending, whatever the amounts (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 3_000_000 }), fc.integer({ min: 1, max: 3_000_000 }), (spent, planned) => {
				const amended = { ...body, budget: body.budget.map((l) => (l.id === 'c' ? { ...l, amountCents: planned } : l)) };
				const check = checkAmendment(rules, amended, { ...context, spending: [{ lineId: 'c', year: 2, amountCents: spent }] });
				expect(check.belowSpent.length > 0).toBe(planned < spent);
			})
		);
	});
});
