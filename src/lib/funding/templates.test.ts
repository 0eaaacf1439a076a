import { describe, expect, it } from 'vitest';
import { bigApplication, bigContext } from '../../../tests/factories/funding-application.ts';
import { locales } from '../paraglide/runtime.js';
import { countWords } from '../words.ts';
import { addDays, belgianDay, belgianNoon, callTemplate, TEMPLATE_CODES } from './templates.ts';
import { applicationTotals, checkApplication } from './rules.ts';
import { BUDGET_CATEGORIES, type ApplicationBody, type BudgetLine, type CallRules } from './types.ts';

// The three ready-made calls: rules that hold together (phases one after the other, a deadline at noon
// on a working day, the improvement contract's ten sections), a valid application that passes each,
// and the typical mistake each one catches.

const OPENS = new Date('2027-01-15T08:00:00Z');
const rulesOf = (code: (typeof TEMPLATE_CODES)[number], opensAt = OPENS) => callTemplate(code, { opensAt, locale: 'nl' }).rules;
const failing = (rules: CallRules, body: ReturnType<typeof bigApplication>) =>
	checkApplication(rules, body, bigContext(rules))
		.filter((r) => !r.pass)
		.map((r) => (r.subject ? `${r.rule}:${r.subject}` : r.rule));

// The Belgian wall clock, read independently of templates.ts.
const brussels = (iso: string) =>
	new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
		new Date(iso)
	);

describe('the templates hold together', () => {
	for (const code of TEMPLATE_CODES) {
		for (const opensAt of [OPENS, new Date('2027-09-03T21:30:00Z'), new Date('2028-02-28T23:15:00Z')]) {
			it(`${code} opening ${opensAt.toISOString()}: contiguous phases from the opening day, a deadline at noon on a weekday`, () => {
				const rules = rulesOf(code, opensAt);
				expect(rules.opensAt).toBe(opensAt.toISOString());
				expect(rules.phases).toHaveLength(3);
				expect(rules.phases[0]!.startsOn).toBe(belgianDay(opensAt));
				for (const [i, p] of rules.phases.entries()) {
					expect(p.startsOn <= p.endsOn, p.key).toBe(true);
					// Both days included: the next phase starts the day after this one ends (types.ts).
					if (i > 0) expect(p.startsOn).toBe(addDays(rules.phases[i - 1]!.endsOn, 1));
				}
				expect(Date.parse(rules.closesAt)).toBeGreaterThan(Date.parse(rules.opensAt));
				expect(brussels(rules.closesAt)).toMatch(/^(Mon|Tue|Wed|Thu|Fri) 12:00$/u);
				// The deadline ends the first phase, or (participatory: the roadmap is handed in) opens the second.
				const deadlineDay = belgianDay(new Date(rules.closesAt));
				expect([rules.phases[0]!.endsOn, rules.phases[1]!.startsOn]).toContain(deadlineDay);
				// The last phase is the project: its years, to the day.
				const [from, to] = [rules.phases[2]!.startsOn, rules.phases[2]!.endsOn];
				expect(addDays(to, 1)).toBe(`${Number(from.slice(0, 4)) + rules.durationYears}${from.slice(4)}`); // (no project here starts on 29 February)
			});
		}

		it(`${code}: categories of the list, criteria weighing 100 on a 0–10 or 1–5 scale, word limits on every section`, () => {
			const rules = rulesOf(code);
			expect(rules.categories.length).toBeGreaterThan(0);
			for (const c of rules.categories) expect(BUDGET_CATEGORIES).toContain(c);
			expect(rules.criteria.reduce((sum, c) => sum + c.weight, 0)).toBe(100);
			expect([`${rules.scaleMin}-${rules.scaleMax}`]).toSatisfy((s: string[]) => ['0-10', '1-5'].includes(s[0]!));
			expect(rules.spreadFlag).toBeGreaterThan(0);
			expect(rules.spreadFlag).toBeLessThan(rules.scaleMax - rules.scaleMin);
			for (const s of rules.sections) expect(s.maxWords, s.key).toBeGreaterThan(0);
			expect(new Set(rules.sections.map((s) => s.key)).size).toBe(rules.sections.length);
		});

		it(`${code}: titles, summaries, questions and criteria in all six languages`, () => {
			const en = callTemplate(code, { opensAt: OPENS, locale: 'en' });
			for (const locale of locales) {
				const t = callTemplate(code, { opensAt: OPENS, locale });
				for (const text of [t.title, t.summary, ...t.rules.phases.map((p) => p.title), ...t.rules.sections.flatMap((s) => [s.title, s.help])])
					expect(text.trim().length, `${locale}`).toBeGreaterThan(2);
				for (const c of t.rules.criteria) expect(c.title && c.help, `${locale} ${c.key}`).toBeTruthy();
				// Translated, not English copies (a few section titles are the same word in two languages: "Vision").
				if (locale !== 'en') {
					expect(t.title, locale).not.toBe(en.title);
					expect(t.summary, locale).not.toBe(en.summary);
					expect(t.rules.sections.map((s) => s.help)).not.toEqual(en.rules.sections.map((s) => s.help));
				}
				// The rules themselves do not depend on the language.
				expect({ ...t.rules, phases: [], sections: [], criteria: [] }).toEqual({ ...en.rules, phases: [], sections: [], criteria: [] });
			}
			expect(callTemplate(code, { opensAt: OPENS, locale: 'de' }).title).toBe(en.title);
		});
	}

	it('the improvement contract: 4 years, ≤ 800 000 €, co-financing ≥ 20 %, small infrastructure ≤ 20 %, the ten sections in order', () => {
		const rules = rulesOf('improvement_contract');
		expect(rules.sections.map((s) => [s.key, s.maxWords])).toEqual([
			['context', 1000],
			['vision', 750],
			['goals', 350],
			['actions', 500],
			['innovation', 350],
			['partnerships', 500],
			['civil_society', 350],
			['follow_up', 350],
			['subsidy_request', 350],
			['anchoring', 500]
		]);
		expect(rules).toMatchObject({
			durationYears: 4,
			maxGrantCents: 80_000_000,
			minCofinancingBp: 2000,
			maxSmallInfrastructureBp: 2000,
			onePerApplicant: true,
			applicantKinds: ['city', 'association']
		});
		expect(rules.categories).toEqual(['personnel', 'operations', 'studies', 'investments', 'small_infrastructure']);
		expect(callTemplate('improvement_contract', { opensAt: OPENS, locale: 'nl' }).rules.sections[0]!.title).toBe('Context');
	});

	it('the participatory call: start fund ≤ 400 €, project support ≤ 15 000 € for material, rent, works, communication', () => {
		expect(rulesOf('participatory')).toMatchObject({
			startFundMaxCents: 40_000,
			maxGrantCents: 1_500_000,
			categories: ['material', 'rent', 'works', 'communication'],
			phases: [{ key: 'preparation' }, { key: 'roadmap_selection' }, { key: 'realisation_evaluation' }]
		});
	});

	it('the sustainable contract project: an association, 4 years, ≤ 100 000 €, decreasing over the last 2 years', () => {
		expect(rulesOf('sustainable_contract')).toMatchObject({
			applicantKinds: ['association'],
			durationYears: 4,
			maxGrantCents: 10_000_000,
			decreasingLastYears: 2
		});
	});

	it('closes at noon on the Belgian clock in winter and in summer time, moving a weekend deadline to Monday', () => {
		// Opening Friday 15 January 2027: +60 days is Tuesday 16 March (winter time, UTC+1), +90 Thursday
		// 15 April (summer time, UTC+2), +120 Saturday 15 May → Monday 17 May.
		expect(rulesOf('sustainable_contract').closesAt).toBe('2027-03-16T11:00:00.000Z');
		expect(rulesOf('participatory').closesAt).toBe('2027-04-15T10:00:00.000Z');
		expect(rulesOf('improvement_contract').closesAt).toBe('2027-05-17T10:00:00.000Z');
		// On the days the clocks change, noon is still noon.
		expect(belgianNoon('2027-03-28').toISOString()).toBe('2027-03-28T10:00:00.000Z');
		expect(belgianNoon('2027-10-31').toISOString()).toBe('2027-10-31T11:00:00.000Z');
		// 23:30 UTC on 14 January is already the 15th in Brussels.
		expect(rulesOf('participatory', new Date('2027-01-14T23:30:00Z')).phases[0]!.startsOn).toBe('2027-01-15');
	});
});

describe('bigApplication (tests/factories/funding-application.ts)', () => {
	it('on the improvement contract: 4 years, 200 lines, the ten sections at their limits, the same every time', () => {
		const rules = rulesOf('improvement_contract');
		const body = bigApplication(rules);
		expect(body.budget).toHaveLength(200);
		expect(new Set(body.budget.map((l) => l.year))).toEqual(new Set([1, 2, 3, 4]));
		expect(rules.sections.map((s) => countWords(body.sections[s.key]!))).toEqual(rules.sections.map((s) => s.maxWords));
		expect(bigApplication(rules)).toEqual(body);
		const totals = applicationTotals(rules, body);
		expect(totals).toMatchObject({ grantCents: 80_000_000, totalCents: 100_000_000, cofinancingCents: 20_000_000 });
		expect(totals.byCategory.small_infrastructure).toBeGreaterThan(0);
		// Ten sections of 1 000 words each (the bench's heavier case): only the nine shorter limits fail.
		const long = bigApplication(rules, { sectionWords: 1000 });
		expect(rules.sections.map((s) => countWords(long.sections[s.key]!))).toEqual(Array(10).fill(1000));
		expect(failing(rules, long)).toHaveLength(9);
	});
});

describe('an application on each template', () => {
	for (const code of TEMPLATE_CODES) {
		it(`${code}: the big valid application passes every rule`, () => {
			const rules = rulesOf(code);
			expect(failing(rules, bigApplication(rules))).toEqual([]);
		});
	}

	it('the improvement contract refuses 15 % co-financing, and only that', () => {
		const rules = rulesOf('improvement_contract');
		const body = bigApplication(rules, { grantCents: 60_000_000, cofinancingBp: 1500 });
		const totals = applicationTotals(rules, body);
		expect(Math.round((totals.cofinancingCents / totals.totalCents) * 1000) / 10).toBe(15);
		expect(failing(rules, body)).toEqual(['cofinancing_min']);
	});

	it('the improvement contract refuses a 1 012-word context', () => {
		const rules = rulesOf('improvement_contract');
		const body = bigApplication(rules);
		body.sections.context += ' ' + body.sections.vision!.split(' ').slice(0, 12).join(' ');
		expect(failing(rules, body)).toEqual(['section_words:context']);
	});

	it('the sustainable contract refuses a budget that does not decrease over the last 2 years', () => {
		const rules = rulesOf('sustainable_contract');
		const body = bigApplication(rules);
		// Years 3 and 4 swapped: year 4 now costs more than year 3.
		for (const line of body.budget) if (line.year >= 3) line.year = 7 - line.year;
		expect(failing(rules, body)).toEqual(['yearly_decreasing:4']);
	});

	it("the participatory call takes a neighbourhood group's small application, written by hand", () => {
		const rules = rulesOf('participatory');
		const line = (id: string, category: BudgetLine['category'], description: string, amountCents: number): BudgetLine => ({
			id,
			year: 1,
			category,
			description,
			amountCents
		});
		const body: ApplicationBody = {
			title: 'Groene Gevels Brugse Poort',
			summary: 'Bewoners vergroenen samen hun straat.',
			sections: Object.fromEntries(
				rules.sections.map((s) => [s.key, 'Twintig bewoners van de straat werken mee, met de steun van de buurtregisseur.'])
			),
			budget: [
				line('a', 'material', 'Plantbakken en aarde', 420_000),
				line('b', 'works', 'Uitbreken van tegels voor geveltuinen', 610_000),
				line('c', 'rent', 'Zaal voor de bewonersavonden', 90_000),
				line('d', 'communication', 'Flyers in vier talen', 30_000)
			],
			ownContributionCents: 0,
			startFundCents: 40_000,
			partners: [],
			targetGroups: ['everyone'],
			indicators: [{ id: 'i', metric: null, name: 'Geveltuinen aangelegd', target: 30, unit: 'tuinen' }],
			risks: []
		};
		const context = { now: new Date('2027-02-01T09:00:00Z'), applicantKind: 'neighbourhood_group' as const };
		expect(checkApplication(rules, body, context).filter((r) => !r.pass)).toEqual([]);
		// Project support above 15 000 €: the grant cap.
		const more = { ...body, budget: [...body.budget, line('e', 'works', 'Extra bestrating', 400_001)] };
		expect(
			checkApplication(rules, more, context)
				.filter((r) => !r.pass)
				.map((r) => r.rule)
		).toEqual(['grant_max']);
	});

	it('the participatory call refuses a start fund of 450 €', () => {
		const rules = rulesOf('participatory');
		const body = { ...bigApplication(rules), startFundCents: 45_000 };
		expect(failing(rules, body)).toEqual(['start_fund_max']);
	});
});
