import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { baseLocale, locales, overwriteGetLocale, type Locale } from '../paraglide/runtime.js';
import { categoryLabel, describeRule } from './describe.ts';
import { BUDGET_CATEGORIES, RULE_CODES, type RuleCode, type RuleResult, type RuleValue } from './types.ts';

// The sentences an applicant reads next to each rule: in the page's language, with the value, the limit and
// by how much; a share shown rounded says so.

const speak = (locale: Locale) => overwriteGetLocale(() => locale);
afterAll(() => speak(baseLocale));
// Intl puts no-break and narrow no-break spaces in amounts and percentages; the sentences are compared on plain ones.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/gu, ' ');
const say = (r: RuleResult, names?: Parameters<typeof describeRule>[1]) => plain(describeRule(r, names));

const result = (rule: RuleCode, pass: boolean, actual: RuleValue | null, limit: RuleValue | null, subject: string | null = null): RuleResult => ({
	rule,
	subject,
	pass,
	actual,
	limit
});
const words = (value: number): RuleValue => ({ kind: 'words', value });
const share = (num: number, den: number): RuleValue => ({ kind: 'share', num, den });
const cents = (value: number): RuleValue => ({ kind: 'cents', value });
const sections = { rules: { sections: [{ key: 'context', title: 'Context', help: '', maxWords: 1000, required: true }] } };

// 1 012 words in a section of at most 1 000; co-financing 150 000 € of a total cost of 1 000 000 €.
const tooLong = result('section_words', false, words(1012), words(1000), 'context');
const cofinancing15 = result('cofinancing_min', false, share(15_000_000, 100_000_000), share(2000, 10_000));

describe('describeRule', () => {
	it('says in Dutch which section is too long, by how many words', () => {
		speak('nl');
		expect(say(tooLong, sections)).toBe('Onderdeel Context telt 1.012 woorden; hoogstens 1.000 (12 te veel).');
		expect(say(result('section_words', true, words(998), words(1000), 'context'), sections)).toBe(
			'Onderdeel Context: 998 van hoogstens 1.000 woorden.'
		);
	});

	it('says in English which section is too long, by how many words', () => {
		speak('en');
		expect(say(tooLong, sections)).toBe('Section Context has 1.012 words; at most 1.000 (12 too many).');
	});

	it('gives the co-financing share, the share the call asks and what is missing, in Dutch and English', () => {
		speak('nl');
		expect(say(cofinancing15)).toBe('De cofinanciering is 15,0% van de totale kost; deze oproep vraagt minstens 20% (€ 50.000,00 te weinig).');
		speak('en');
		expect(say(cofinancing15)).toBe('Co-financing is 15,0% of the total cost; this call asks at least 20% (€50,000.00 short).');
		expect(say(result('cofinancing_min', true, share(20_000_000, 100_000_000), share(2000, 10_000)))).toBe(
			'Co-financing is 20,0% of the total cost; this call asks at least 20%.'
		);
	});

	it('says "(rounded)" when the share shown is not the exact one: 19.996 % shows as 20,0 % and fails', () => {
		speak('nl');
		expect(say(result('cofinancing_min', false, share(19_996, 100_000), share(2000, 10_000)))).toBe(
			'De cofinanciering is 20,0% (afgerond) van de totale kost; deze oproep vraagt minstens 20% (€ 0,04 te weinig).'
		);
		speak('en');
		expect(say(result('cofinancing_min', false, share(19_996, 100_000), share(2000, 10_000)))).toContain('20,0% (rounded) of the total cost');
		// An exact 20.0 % says nothing about rounding; a limit like 12.5 % keeps its decimal.
		expect(say(result('cofinancing_min', true, share(1, 5), share(1250, 10_000)))).toBe(
			'Co-financing is 20,0% of the total cost; this call asks at least 12,5%.'
		);
	});

	it('says by how much a grant, a start fund or small infrastructure is over its cap', () => {
		speak('nl');
		expect(say(result('grant_max', false, cents(80_000_100), cents(80_000_000)))).toBe(
			'De gevraagde subsidie is € 800.001,00; deze oproep geeft hoogstens € 800.000,00 (€ 1,00 te veel).'
		);
		expect(say(result('start_fund_max', false, cents(45_000), cents(40_000)))).toBe(
			'Het gevraagde startfonds is € 450,00; hoogstens € 400,00 (€ 50,00 te veel).'
		);
		expect(say(result('start_fund_max', false, cents(10_000), cents(0)))).toBe('Deze oproep biedt geen startfonds; u vraagt € 100,00.');
		// Not over the cap but no amount (negative): the amount is the problem, not the cap.
		expect(say(result('start_fund_max', false, cents(-100), cents(40_000)))).toBe('€ -1,00 is geen geldig bedrag.');
		// 170 000 € of small infrastructure on a grant of 800 000 €: 21,3 % (rounded), 10 000 € too much.
		expect(say(result('small_infrastructure_max', false, share(17_000_000, 80_000_000), share(2000, 10_000)))).toBe(
			'Kleine infrastructuur is 21,3% (afgerond) van de gevraagde subsidie; deze oproep laat hoogstens 20% toe (€ 10.000,00 te veel).'
		);
	});

	it('names the years of a budget that does not decrease, and the subject of a line or a partner', () => {
		speak('en');
		expect(say(result('yearly_decreasing', false, cents(3_000_000), cents(2_500_000), '4'))).toBe(
			'Year 4 costs €30,000.00, not less than year 3 (€25,000.00); the budget must decrease over the last years.'
		);
		const body = {
			budget: [{ id: 'l1', year: 7, category: 'rent' as const, description: 'Zaalhuur', amountCents: 100 }],
			partners: [{ id: 'p1', name: 'Buurtwerk Rabot', role: '', contributionCents: -5, partnerId: null }]
		};
		expect(say(result('line_year', false, { kind: 'year', value: 7 }, null, 'l1'), { body })).toBe(
			'Budget line Zaalhuur is in year 7, which is not a year of the project.'
		);
		expect(say(result('partner_contribution', false, cents(-5), null, 'p1'), { body })).toContain('Partner Buurtwerk Rabot:');
		// Without names, the subject's key.
		expect(say(result('line_year', false, { kind: 'year', value: 7 }, null, 'l1'))).toContain('Budget line l1 ');
	});

	it('reads the deadline on the Belgian clock', () => {
		speak('nl');
		const closed = result(
			'deadline_closed',
			false,
			{ kind: 'instant', value: '2027-04-01T08:00:00Z' },
			{ kind: 'instant', value: '2027-03-31T10:00:00Z' }
		);
		expect(say(closed)).toBe('De oproep sloot op 31 maart 2027 om 12:00; indienen kan niet meer.');
	});
});

// A sample result of every rule, passing and failing, with the values checkApplication gives it.
const SAMPLE: Record<RuleCode, [RuleValue | null, RuleValue | null, string | null]> = {
	deadline_open: [{ kind: 'instant', value: '2027-01-01T10:00:00Z' }, { kind: 'instant', value: '2027-01-15T10:00:00Z' }, null],
	deadline_closed: [{ kind: 'instant', value: '2027-01-01T10:00:00Z' }, { kind: 'instant', value: '2027-03-31T10:00:00Z' }, null],
	applicant_kind: [null, null, null],
	title_required: [null, null, null],
	section_required: [words(0), null, 'context'],
	section_words: [words(1012), words(1000), 'context'],
	budget_not_empty: [{ kind: 'count', value: 3 }, null, null],
	line_year: [{ kind: 'year', value: 5 }, null, 'l1'],
	line_category: [{ kind: 'count', value: 4 }, null, 'l1'],
	line_amount: [cents(0), null, 'l1'],
	grant_positive: [cents(-100), cents(0), null],
	grant_max: [cents(90_000_000), cents(80_000_000), null],
	start_fund_max: [cents(45_000), cents(40_000), null],
	cofinancing_min: [share(15, 100), share(2000, 10_000), null],
	small_infrastructure_max: [share(25, 100), share(2000, 10_000), null],
	yearly_decreasing: [cents(300), cents(200), '4'],
	indicators_min: [{ kind: 'count', value: 1 }, { kind: 'count', value: 3 }, null],
	partner_contribution: [cents(-1), null, 'p1']
};

describe('every rule in every language', () => {
	const files = Object.fromEntries(locales.map((l) => [l, JSON.parse(readFileSync(`messages/${l}.json`, 'utf8')) as Record<string, unknown>]));

	it('has a passing and a failing message for every RULE_CODE, and a label for every budget category', () => {
		for (const l of locales) {
			for (const code of RULE_CODES)
				for (const status of ['pass', 'fail'])
					expect(typeof files[l]![`fund_rule_${code}_${status}`], `${l} fund_rule_${code}_${status}`).toBe('string');
			for (const c of BUDGET_CATEGORIES) expect(typeof files[l]![`fund_category_${c}`], `${l} fund_category_${c}`).toBe('string');
		}
	});

	for (const l of locales) {
		it(`${l}: says every rule, passing and failing, with every value filled in`, () => {
			speak(l);
			const seen = new Set<string>();
			for (const code of RULE_CODES) {
				for (const pass of [true, false]) {
					const [actual, limit, subject] = SAMPLE[code];
					const text = describeRule(result(code, pass, actual, limit, subject), sections);
					expect(text, `${l} ${code} ${pass}`).not.toMatch(/[{}]|undefined|NaN/u);
					expect(text.length, `${l} ${code} ${pass}`).toBeGreaterThan(10);
					seen.add(text);
				}
			}
			// Each rule and outcome says something of its own.
			expect(seen.size).toBe(RULE_CODES.length * 2);
			for (const c of BUDGET_CATEGORIES) expect(categoryLabel(c)).toBe(files[l]![`fund_category_${c}`]);
		});
	}

	it('shows an unknown category code as it is', () => {
		expect(categoryLabel('bicycles')).toBe('bicycles');
	});
});
