import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allPass, applicationTotals, checkApplication, type CheckContext } from './rules.ts';
import type { ApplicationBody, BudgetLine, CallRules } from './types.ts';

// The neighbourhood improvement contract's rules (DOMAIN.md): 4 years, grant ≤ 800 000 €, co-financing
// ≥ 20 % of the total cost, small infrastructure ≤ 20 % of the grant; a decreasing last 2 years is the
// sustainable contract's rule, added here to test it on the same application.
const RULES: CallRules = {
	opensAt: '2027-01-15T00:00:00+01:00',
	closesAt: '2027-03-31T12:00:00+02:00',
	phases: [],
	applicantKinds: ['city', 'association'],
	onePerApplicant: true,
	maxGrantCents: 80_000_000,
	startFundMaxCents: null,
	minCofinancingBp: 2000,
	maxSmallInfrastructureBp: 2000,
	categories: ['personnel', 'operations', 'studies', 'investments', 'small_infrastructure'],
	durationYears: 4,
	decreasingLastYears: 2,
	sections: [
		{ key: 'context', title: 'Context', help: '', maxWords: 1000, required: true },
		{ key: 'vision', title: 'Vision', help: '', maxWords: 750, required: true }
	],
	minIndicators: 1,
	criteria: [],
	scaleMin: 0,
	scaleMax: 10,
	spreadFlag: 3
};
const NOW: CheckContext = { now: new Date('2027-02-01T10:00:00Z'), applicantKind: 'association' };
const line = (id: string, year: number, category: BudgetLine['category'], amountCents: number): BudgetLine => ({
	id,
	year,
	category,
	description: id,
	amountCents
});

// Total 1 000 000 €: 250 000 + 300 000 + 250 000 + 200 000 (decreasing over years 3 and 4);
// co-financing 200 000 € = 20.0 %; grant 800 000 €; small infrastructure 160 000 € = 20 % of it.
function good(): ApplicationBody {
	return {
		title: 'Rabot groeit samen',
		summary: '',
		sections: { context: 'Een wijk met veel jonge gezinnen.', vision: 'Meer groen en ontmoeting.' },
		budget: [
			line('a', 1, 'personnel', 15_000_000),
			line('b', 1, 'small_infrastructure', 10_000_000),
			line('c', 2, 'investments', 24_000_000),
			line('d', 2, 'small_infrastructure', 6_000_000),
			line('e', 3, 'operations', 25_000_000),
			line('f', 4, 'studies', 20_000_000)
		],
		ownContributionCents: 15_000_000,
		startFundCents: 0,
		partners: [{ id: 'p', name: 'Buurtwerk', role: 'partner', contributionCents: 5_000_000, partnerId: null }],
		targetGroups: [],
		indicators: [{ id: 'i', metric: null, name: 'Bewoners op het plein', target: 200, unit: 'mensen' }],
		risks: []
	};
}
const failing = (body: ApplicationBody, now = NOW) => checkApplication(RULES, body, now).filter((r) => !r.pass);

describe('checkApplication', () => {
	it('passes a good application on every rule, and says so rule by rule', () => {
		const results = checkApplication(RULES, good(), NOW);
		expect(failing(good())).toEqual([]);
		expect(allPass(results)).toBe(true);
		expect(new Set(results.map((r) => r.rule))).toEqual(
			new Set([
				'deadline_open',
				'deadline_closed',
				'applicant_kind',
				'title_required',
				'section_required',
				'section_words',
				'budget_not_empty',
				'line_year',
				'line_category',
				'line_amount',
				'grant_positive',
				'grant_max',
				'cofinancing_min',
				'small_infrastructure_max',
				'yearly_decreasing',
				'indicators_min',
				'partner_contribution'
			])
		);
		expect(applicationTotals(RULES, good())).toMatchObject({
			totalCents: 100_000_000,
			cofinancingCents: 20_000_000,
			grantCents: 80_000_000,
			byYear: [25_000_000, 30_000_000, 25_000_000, 20_000_000]
		});
	});

	it('fails co-financing of 15 % with the actual share and the limit', () => {
		const body = { ...good(), ownContributionCents: 10_000_000 };
		const [cof, ...rest] = failing(body).filter((r) => r.rule === 'cofinancing_min');
		expect(rest).toEqual([]);
		expect(cof).toMatchObject({ actual: { kind: 'share', num: 15_000_000, den: 100_000_000 }, limit: { kind: 'share', num: 2000, den: 10_000 } });
	});

	it('fails 19.996 % although it shows as 20.0 %, and passes exactly 20 %', () => {
		// Total 100 000,00 €; co-financing 19 996,00 € (19.996 %) vs 20 000,00 €.
		const body = (cofinancing: number) => ({
			...good(),
			budget: [line('a', 1, 'personnel', 10_000_000)],
			ownContributionCents: cofinancing,
			partners: []
		});
		const cof = (b: ApplicationBody) => checkApplication({ ...RULES, decreasingLastYears: 0 }, b, NOW).find((r) => r.rule === 'cofinancing_min')!;
		expect(cof(body(1_999_600)).pass).toBe(false);
		expect(cof(body(1_999_999)).pass).toBe(false);
		expect(cof(body(2_000_000)).pass).toBe(true);
	});

	it('counts words with the shared count: exactly the limit passes, one more fails', () => {
		const words = (n: number) => Array.from({ length: n }, () => 'woord').join(' ');
		expect(failing({ ...good(), sections: { ...good().sections, context: words(1000) } })).toEqual([]);
		const [over] = failing({ ...good(), sections: { ...good().sections, context: words(1012) } });
		expect(over).toMatchObject({ rule: 'section_words', subject: 'context', actual: { value: 1012 }, limit: { value: 1000 } });
		expect(failing({ ...good(), sections: { context: words(50_000) } }).map((r) => [r.rule, r.subject])).toEqual([
			['section_words', 'context'],
			['section_required', 'vision']
		]);
	});

	it('refuses the deadline one second late and before opening, on exact instants', () => {
		const closes = Date.parse(RULES.closesAt);
		expect(failing(good(), { ...NOW, now: new Date(closes) })).toEqual([]);
		expect(failing(good(), { ...NOW, now: new Date(closes + 1000) }).map((r) => r.rule)).toEqual(['deadline_closed']);
		expect(failing(good(), { ...NOW, now: new Date(Date.parse(RULES.opensAt) - 1) }).map((r) => r.rule)).toEqual(['deadline_open']);
	});

	it('names each bad line: a year out of range, a category not offered, a negative, fractional or zero amount', () => {
		const body = good();
		body.budget.push(
			line('x', 5, 'personnel', 100),
			line('y', 1, 'rent', 100),
			line('z', 1, 'personnel', -100),
			line('w', 1, 'personnel', 1.5),
			line('v', 1, 'personnel', 0)
		);
		expect(failing(body).map((r) => `${r.rule}:${r.subject}`)).toEqual(
			expect.arrayContaining(['line_year:x', 'line_category:y', 'line_amount:z', 'line_amount:w', 'line_amount:v'])
		);
	});

	it('fails a grant over the cap, a co-financing above the total, too much small infrastructure, a year that does not decrease', () => {
		expect(failing({ ...good(), ownContributionCents: 0, partners: [] }).map((r) => r.rule)).toContain('grant_max');
		expect(failing({ ...good(), ownContributionCents: 200_000_000 }).map((r) => r.rule)).toContain('grant_positive');
		const more = good();
		more.budget.push(line('s', 1, 'small_infrastructure', 100));
		expect(failing(more).map((r) => r.rule)).toContain('small_infrastructure_max');
		const flat = good();
		flat.budget[5]!.amountCents = 25_000_000;
		expect(
			failing(flat)
				.filter((r) => r.rule === 'yearly_decreasing')
				.map((r) => r.subject)
		).toEqual(['4']);
	});

	it('fails an applicant kind the call does not take, an empty title, too few indicators, a start fund where none is offered', () => {
		expect(failing(good(), { ...NOW, applicantKind: 'neighbourhood_group' }).map((r) => r.rule)).toEqual(['applicant_kind']);
		expect(failing({ ...good(), title: '  ' }).map((r) => r.rule)).toEqual(['title_required']);
		expect(failing({ ...good(), indicators: [{ id: 'i', metric: null, name: 'x', target: 0, unit: '' }] }).map((r) => r.rule)).toEqual([
			'indicators_min'
		]);
		expect(failing({ ...good(), startFundCents: 100 }).map((r) => r.rule)).toEqual(['start_fund_max']);
		expect(failing(good(), NOW).length).toBe(0);
	});
});

describe('properties', () => {
	const lines = fc.array(
		fc.record({
			year: fc.integer({ min: 1, max: 4 }),
			category: fc.constantFrom(...RULES.categories),
			amountCents: fc.integer({ min: 1, max: 50_000_000 })
		}),
		{ minLength: 1, maxLength: 30 }
	);
	const application = fc.record({ lines, own: fc.integer({ min: 0, max: 200_000_000 }) }).map(({ lines, own }) => ({
		...good(),
		budget: lines.map((l, i) => line(`l${i}`, l.year, l.category, l.amountCents)),
		ownContributionCents: own,
		partners: []
	}));
	const verdicts = (body: ApplicationBody) =>
		checkApplication({ ...RULES, maxGrantCents: null }, body, NOW)
			.filter((r) => r.rule === 'cofinancing_min' || r.rule === 'small_infrastructure_max')
			.map((r) => `${r.rule}:${r.pass}`);

	it('scaling every amount by the same factor never changes a share verdict', () => {
		fc.assert(
			fc.property(application, fc.integer({ min: 2, max: 50 }), (body, k) => {
				const scaled = {
					...body,
					budget: body.budget.map((l) => ({ ...l, amountCents: l.amountCents * k })),
					ownContributionCents: body.ownContributionCents * k
				};
				expect(verdicts(scaled)).toEqual(verdicts(body));
			})
		);
	});

	it('adding a line to a category moves only that category, up, and the grant is always total − co-financing', () => {
		fc.assert(
			fc.property(application, fc.constantFrom(...RULES.categories), fc.integer({ min: 1, max: 10_000_000 }), (body, category, amount) => {
				const before = applicationTotals(RULES, body);
				const after = applicationTotals(RULES, { ...body, budget: [...body.budget, line('new', 1, category, amount)] });
				for (const c of RULES.categories) {
					const [b, a] = [before.byCategory[c] ?? 0, after.byCategory[c] ?? 0];
					if (c === category) expect(a).toBe(b + amount);
					else expect(a).toBe(b);
					// Its share of the total grows; every other category's share shrinks or stays 0.
					// (A category that was the whole budget stays at 100 %.)
					if (c === category && b < before.totalCents)
						expect(BigInt(a) * BigInt(before.totalCents)).toBeGreaterThan(BigInt(b) * BigInt(after.totalCents));
					else if (c === category) expect(a).toBe(after.totalCents);
					else expect(BigInt(a) * BigInt(before.totalCents)).toBeLessThanOrEqual(BigInt(b) * BigInt(after.totalCents));
				}
				for (const t of [before, after]) expect(t.grantCents).toBe(t.totalCents - t.cofinancingCents);
			})
		);
	});

	it('is deterministic', () => {
		fc.assert(
			fc.property(application, (body) => {
				expect(checkApplication(RULES, body, NOW)).toEqual(checkApplication(RULES, structuredClone(body), NOW));
			})
		);
	});
});
