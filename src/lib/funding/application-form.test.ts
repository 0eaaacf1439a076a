import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INVALID, amountText, bodyFromForm, fieldsFromBody, problemText, rowNumbers } from './application-form.ts';
import { checkApplication } from './rules.ts';
import { callTemplate } from './templates.ts';
import type { ApplicationBody, BudgetCategory } from './types.ts';

const RULES = callTemplate('improvement_contract', { opensAt: new Date('2027-01-15T08:00:00Z'), locale: 'en' }).rules;
const EMPTY: ApplicationBody = {
	title: '',
	summary: '',
	sections: {},
	budget: [],
	ownContributionCents: 0,
	startFundCents: 0,
	partners: [],
	targetGroups: [],
	indicators: [],
	risks: []
};
const parse = (fields: Record<string, string>, previous: ApplicationBody = EMPTY) => bodyFromForm(Object.entries(fields), RULES, previous);
const line = (n: number, amount: string, extra: Record<string, string> = {}) => ({
	[`line_${n}_id`]: '',
	[`line_${n}_year`]: '1',
	[`line_${n}_category`]: 'personnel',
	[`line_${n}_description`]: `Line ${n}`,
	[`line_${n}_amount`]: amount,
	...extra
});

describe('bodyFromForm: amounts typed the Belgian way', () => {
	it.each([
		['1.250,50', 125_050],
		['1250.5', 125_050],
		['1250', 125_000],
		['15.000', 1_500_000],
		['1 250,50', 125_050],
		['€ 400', 40_000],
		['0', 0]
	])('"%s" is %i cents', (typed, cents) => {
		const { body, problems } = parse(line(0, typed));
		expect(problems).toEqual({});
		expect(body.budget[0]!.amountCents).toBe(cents);
	});

	it.each([
		['abc', 'fund_form_error_amount'],
		['-5', 'fund_form_error_negative'],
		['1,234', 'fund_form_error_decimals'],
		['12,345', 'fund_form_error_decimals'],
		['100.000.001', 'fund_form_error_too_large'],
		['999999999999', 'fund_form_error_too_large']
	])('"%s" is a problem on the field (%s) and an invalid amount for the engine', (typed, key) => {
		const { body, problems } = parse(line(3, typed));
		expect(problems).toEqual({ line_3_amount: key });
		expect(body.budget[0]!.amountCents).toBe(INVALID);
		const results = checkApplication(RULES, body, { now: new Date('2027-02-01T10:00:00Z'), applicantKind: 'city' });
		const amount = results.filter((r) => r.rule === 'line_amount');
		expect(amount).toEqual([expect.objectContaining({ pass: false, subject: body.budget[0]!.id })]);
		// One typo does not make every total wrong: the line adds nothing.
		expect(results.find((r) => r.rule === 'grant_positive')!.actual).toEqual({ kind: 'cents', value: 0 });
	});

	it('reads own contribution, start fund and partner contributions the same way, each problem on its field', () => {
		const { body, problems } = parse({
			own_contribution: '20.000',
			start_fund: 'x',
			partner_0_name: 'Buurthuis',
			partner_0_role: 'venue',
			partner_0_contribution: '2.500,75',
			partner_1_name: 'OCMW',
			partner_1_contribution: '-3'
		});
		expect(body.ownContributionCents).toBe(2_000_000);
		expect(body.startFundCents).toBe(INVALID);
		expect(body.partners.map((p) => p.contributionCents)).toEqual([250_075, INVALID]);
		expect(problems).toEqual({ start_fund: 'fund_form_error_amount', partner_1_contribution: 'fund_form_error_negative' });
	});

	it('a blank amount is 0 and no problem (the engine says a line needs more than 0)', () => {
		const { body, problems } = parse({ ...line(0, ''), own_contribution: '', start_fund: '  ' });
		expect(problems).toEqual({});
		expect(body.budget[0]!.amountCents).toBe(0);
		expect(body.ownContributionCents).toBe(0);
		expect(body.startFundCents).toBe(0);
	});

	it('a year outside the project is a problem and fails the engine’s line_year rule', () => {
		const { body, problems } = parse({ ...line(0, '10', { line_0_year: '7' }), ...line(1, '10', { line_1_year: 'two' }) });
		expect(problems).toEqual({ line_0_year: 'fund_form_error_year', line_1_year: 'fund_form_error_year' });
		expect(body.budget.map((l) => l.year)).toEqual([7, 0]);
		const results = checkApplication(RULES, body, { now: new Date('2027-02-01T10:00:00Z'), applicantKind: 'city' });
		expect(results.filter((r) => r.rule === 'line_year' && !r.pass)).toHaveLength(2);
	});

	it('an indicator target is a number; a bad one is a problem and does not count', () => {
		const { body, problems } = parse({
			indicator_0_name: 'Residents reached',
			indicator_0_target: '1.200',
			indicator_0_unit: 'people',
			indicator_1_name: 'Meetings',
			indicator_1_target: 'many',
			indicator_2_name: 'Share',
			indicator_2_target: '12,5'
		});
		expect(body.indicators.map((i) => i.target)).toEqual([1200, INVALID, 12.5]);
		expect(problems).toEqual({ indicator_1_target: 'fund_form_error_target' });
	});
});

describe('bodyFromForm: rows', () => {
	it('drops rows left wholly empty, whatever their selects say, and keeps the order of <n>', () => {
		const { body } = parse({
			...line(10, '30'),
			...line(2, '20'),
			line_5_id: '',
			line_5_year: '3',
			line_5_category: 'studies',
			line_5_description: '  ',
			line_5_amount: '',
			partner_0_name: '',
			partner_0_role: '',
			partner_0_contribution: '',
			partner_0_partner_id: '',
			risk_0_risk: '\r\n',
			risk_0_mitigation: '',
			indicator_0_name: '',
			indicator_0_target: '',
			indicator_0_unit: '',
			indicator_0_metric: ''
		});
		expect(body.budget.map((l) => l.amountCents)).toEqual([2000, 3000]);
		expect(body.partners).toEqual([]);
		expect(body.risks).toEqual([]);
		expect(body.indicators).toEqual([]);
	});

	it('keeps previous ids, gives new rows new ids that collide with none, and the same ids for the same form', () => {
		const previous = { ...EMPTY, budget: [{ id: 'l2', year: 1, category: 'personnel' as BudgetCategory, description: 'a', amountCents: 1 }] };
		const form = { ...line(0, '1'), ...line(1, '2', { line_1_id: 'l2' }), ...line(2, '3'), ...line(3, '4', { line_3_id: 'l2' }) };
		const first = parse(form, previous);
		expect(first.body.budget.map((l) => l.id)).toEqual(['l1', 'l2', 'l3', 'l4']);
		expect(parse(form, previous).body.budget.map((l) => l.id)).toEqual(['l1', 'l2', 'l3', 'l4']);
		expect(first.fieldOf).toMatchObject({ l1: 'line_0', l2: 'line_1', l3: 'line_2', l4: 'line_3' });
	});

	it('an id the previous body does not have (forged, or stale) is not taken: the row gets a fresh one', () => {
		const previous = { ...EMPTY, budget: [{ id: 'x9', year: 1, category: 'personnel' as BudgetCategory, description: 'a', amountCents: 1 }] };
		const { body } = parse({ ...line(0, '1', { line_0_id: 'someone-elses' }), ...line(1, '1', { line_1_id: 'x9' }) }, previous);
		expect(body.budget.map((l) => l.id)).toEqual(['l1', 'x9']);
	});

	it('reads partners, target groups (one a line), indicators and risks', () => {
		const { body } = parse({
			partner_0_id: '',
			partner_0_name: ' Buurtwerk Rabot ',
			partner_0_role: 'coach',
			partner_0_contribution: '1000',
			partner_0_partner_id: 'org-7',
			target_groups: 'Young people\r\n\r\n  Older residents  \r\nNewcomers',
			indicator_0_metric: 'aid.links',
			indicator_0_name: 'Links made',
			indicator_0_target: '40',
			indicator_0_unit: 'links',
			risk_0_risk: 'Rain\r\nand cold',
			risk_0_mitigation: 'A tent'
		});
		expect(body.partners).toEqual([{ id: 'p1', name: 'Buurtwerk Rabot', role: 'coach', contributionCents: 100_000, partnerId: 'org-7' }]);
		expect(body.targetGroups).toEqual(['Young people', 'Older residents', 'Newcomers']);
		expect(body.indicators).toEqual([{ id: 'i1', metric: 'aid.links', name: 'Links made', target: 40, unit: 'links' }]);
		expect(body.risks).toEqual([{ id: 'r1', risk: 'Rain\nand cold', mitigation: 'A tent' }]);
	});

	it('fields the form does not post keep the previous body’s value; files are ignored', () => {
		const previous = {
			...EMPTY,
			title: 'Old',
			summary: 'Kept',
			sections: { context: 'Kept context' },
			ownContributionCents: 500,
			targetGroups: ['A']
		};
		const form = new FormData();
		form.set('title', 'New');
		form.set('section_vision', 'A vision');
		form.set('own_contribution', new Blob(['1']) as unknown as string);
		const { body } = bodyFromForm(form, RULES, previous);
		expect(body.title).toBe('New');
		expect(body.summary).toBe('Kept');
		expect(body.sections).toMatchObject({ context: 'Kept context', vision: 'A vision' });
		expect(body.ownContributionCents).toBe(500);
		expect(body.targetGroups).toEqual(['A']);
	});

	it('a section’s text keeps its lines (CRLF → LF) and the engine counts its words', () => {
		const { body } = parse({ title: 'T', section_context: 'Een twee\r\ndrie  ' });
		expect(body.sections.context).toBe('Een twee\ndrie');
		const results = checkApplication(RULES, body, { now: new Date('2027-02-01T10:00:00Z'), applicantKind: 'city' });
		expect(results.find((r) => r.rule === 'section_words' && r.subject === 'context')!.actual).toEqual({ kind: 'words', value: 3 });
	});
});

describe('fieldsFromBody', () => {
	it('writes amounts the Belgian way, read back by parseAmount', () => {
		expect([0, 5, 100, 125_050, 1_500_000, 80_000_000_00, INVALID].map(amountText)).toEqual([
			'0',
			'0,05',
			'1',
			'1.250,50',
			'15.000',
			'80.000.000',
			'-0,01'
		]);
	});

	it('numbers the rows from 0, which rowNumbers finds', () => {
		const { body } = parse({ ...line(4, '1'), ...line(9, '2') });
		const fields = fieldsFromBody(body);
		expect(fields).toMatchObject({ line_0_amount: '1', line_1_amount: '2', line_1_id: 'l2' });
		expect(rowNumbers(fields, 'line')).toEqual([0, 1]);
		expect(rowNumbers(fields, 'partner')).toEqual([]);
	});

	it('problem keys have texts (and an unknown key shows as it is)', () => {
		for (const key of [
			'fund_form_error_amount',
			'fund_form_error_negative',
			'fund_form_error_decimals',
			'fund_form_error_too_large',
			'fund_form_error_year',
			'fund_form_error_target'
		])
			expect(problemText(key)).not.toBe(key);
		expect(problemText('nope')).toBe('nope');
	});
});

// A body as the form can hold it: texts as the form gives them back (single lines trimmed, multi-line
// texts with LF and trimmed), ids unique per list, amounts within what parseAmount reads.
const oneLine = fc.string({ maxLength: 30 }).map((s) => s.replace(/\r\n?/gu, '\n').replace(/\n/gu, ' ').trim());
const multiLine = fc.string({ maxLength: 60 }).map((s) => s.replace(/\r\n?/gu, '\n').trim());
const nonEmpty = (a: fc.Arbitrary<string>) => a.filter((s) => s.length > 0);
const cents = fc.integer({ min: 0, max: 10_000_000_000 });
const ids = (letter: string) => fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{1,12}$/u), { maxLength: 6 }).map((xs) => xs.map((x) => `${letter}${x}`));
const body: fc.Arbitrary<ApplicationBody> = fc
	.record({
		title: oneLine,
		summary: multiLine,
		sections: fc.record(Object.fromEntries(RULES.sections.map((s) => [s.key, multiLine]))),
		lineIds: ids('l'),
		lines: fc.array(
			fc.record({
				year: fc.integer({ min: 1, max: RULES.durationYears }),
				category: fc.constantFrom(...RULES.categories),
				description: oneLine,
				amountCents: cents
			}),
			{ maxLength: 6 }
		),
		ownContributionCents: cents,
		startFundCents: cents,
		partnerIds: ids('p'),
		partners: fc.array(
			fc.record({ name: nonEmpty(oneLine), role: oneLine, contributionCents: cents, partnerId: fc.option(nonEmpty(oneLine), { nil: null }) }),
			{ maxLength: 6 }
		),
		targetGroups: fc.array(nonEmpty(oneLine), { maxLength: 4 }),
		indicatorIds: ids('i'),
		indicators: fc.array(
			fc.record({
				metric: fc.option(nonEmpty(oneLine), { nil: null }),
				name: nonEmpty(oneLine),
				target: fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100),
				unit: oneLine
			}),
			{ maxLength: 6 }
		),
		riskIds: ids('r'),
		risks: fc.array(fc.record({ risk: nonEmpty(multiLine), mitigation: multiLine }), { maxLength: 6 })
	})
	.map((r) => {
		const withIds = <T>(items: T[], given: string[]) => items.slice(0, given.length).map((item, i) => ({ id: given[i]!, ...item }));
		return {
			title: r.title,
			summary: r.summary,
			sections: r.sections,
			budget: withIds(r.lines, r.lineIds),
			ownContributionCents: r.ownContributionCents,
			startFundCents: r.startFundCents,
			partners: withIds(r.partners, r.partnerIds),
			targetGroups: r.targetGroups,
			indicators: withIds(r.indicators, r.indicatorIds),
			risks: withIds(r.risks, r.riskIds)
		};
	});

describe('the round trip', () => {
	it('a body rendered to fields and parsed back (with itself as the previous body) is the same body, with no problems', () => {
		fc.assert(
			fc.property(body, (b) => {
				const { body: back, problems } = parse(fieldsFromBody(b), b);
				expect(problems).toEqual({});
				expect(back).toEqual(b);
			}),
			{ numRuns: 300 }
		);
	});

	it('parsed from fields, the rows’ new ids are unique and stable, and each points at its row', () => {
		fc.assert(
			fc.property(body, (b) => {
				const fields = fieldsFromBody(b);
				// As if every row were new (the browser's added rows): no previous ids.
				const blank = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, k.endsWith('_id') && !k.endsWith('partner_id') ? '' : v]));
				const once = parse(blank);
				const again = parse(blank);
				for (const list of [once.body.budget, once.body.partners, once.body.indicators, once.body.risks])
					expect(new Set(list.map((x) => x.id)).size).toBe(list.length);
				expect(again.body).toEqual(once.body);
				once.body.budget.forEach((l, i) => expect(once.fieldOf[l.id]).toBe(`line_${i}`));
			}),
			{ numRuns: 200 }
		);
	});
});
