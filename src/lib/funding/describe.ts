import { m } from '../paraglide/messages.js';
import { getLocale } from '../paraglide/runtime.js';
import { formatLocale, intl } from '../intl.ts';
import { BELGIAN_ZONE } from '../zone.ts';
import { formatCents, formatShare } from './money.ts';
import type { ApplicationBody, BudgetCategory, CallRules, RuleCode, RuleResult, RuleValue } from './types.ts';

// A rule result in the page's language: which rule, the value, the limit, by how much (messages
// `fund_rule_<code>_pass` / `_fail`). The pages, the live check and the API's `message` field all say it
// this way. No server code here: the live check in the browser imports it as it is.
// A share is shown rounded to one decimal and says "(rounded)" when it was: "20,0 % (rounded)" next to
// "at least 20 %" tells the applicant why 19.996 % fails, which a bare "20,0 %" would hide.

/** Where the subjects' names come from: a section key → its title, a line or partner id → its name. */
export type DescribeNames = {
	rules?: Pick<CallRules, 'sections'>;
	body?: Pick<ApplicationBody, 'budget' | 'partners'>;
};

// Every input any rule's message takes, always present (empty when the result has no such value): each
// message picks the ones it names, and Paraglide's typed inputs are then satisfied by one shape.
const INPUTS = ['subject', 'now', 'limit', 'amount', 'max', 'count', 'share', 'over', 'year', 'previous'] as const;
type Params = Record<(typeof INPUTS)[number], string>;
type Say = (inputs: Params) => string;
type Pair = { pass: Say; fail: Say };

const lang = () => formatLocale(getLocale()) ?? 'nl';
const number = (n: number) => intl('NumberFormat', lang(), {}).format(n);
const euro = (cents: number) => formatCents(cents, lang());
const instant = (iso: string) =>
	intl('DateTimeFormat', lang(), { dateStyle: 'long', timeStyle: 'short', timeZone: BELGIAN_ZONE }).format(new Date(iso));

/** An exact share as shown: one decimal, "(rounded)" when the figure shown is not the exact one. */
function shownShare(num: number, den: number): string {
	const { text, rounded } = formatShare(num, den, lang());
	return rounded ? m.fund_rule_rounded({ share: text }) : text;
}

/** A limit in basis points, as the call states it: "20 %", "12,5 %" (exact: at most two decimals). */
const limitShare = (num: number, den: number) => intl('NumberFormat', lang(), { style: 'percent', maximumFractionDigits: 2 }).format(num / den);

const cents = (v: RuleValue | null) => (v?.kind === 'cents' ? v.value : 0);
const plain = (v: RuleValue | null) => (v && (v.kind === 'words' || v.kind === 'count' || v.kind === 'year') ? v.value : 0);
const fraction = (v: RuleValue | null) => (v?.kind === 'share' ? v : { num: 0, den: 0 });

/** ceil(a × b / c) for non-negative integers, exactly. */
const ceilDiv = (a: number, b: number, c: number) => Number((BigInt(a) * BigInt(b) + BigInt(c) - 1n) / BigInt(c));

function subjectName(result: RuleResult, names: DescribeNames): string {
	const key = result.subject ?? '';
	if (result.rule === 'section_required' || result.rule === 'section_words') return names.rules?.sections.find((s) => s.key === key)?.title || key;
	if (result.rule.startsWith('line_')) return names.body?.budget.find((l) => l.id === key)?.description || key;
	if (result.rule === 'partner_contribution') return names.body?.partners.find((p) => p.id === key)?.name || key;
	return key;
}

/** The inputs every rule's messages may use; each message takes the ones it needs. */
function params(result: RuleResult, names: DescribeNames): Params {
	const { actual, limit } = result;
	const p = Object.fromEntries(INPUTS.map((k) => [k, ''])) as Params;
	p.subject = subjectName(result, names);
	if (actual?.kind === 'instant') p.now = instant(actual.value);
	if (limit?.kind === 'instant') p.limit = instant(limit.value);
	if (actual?.kind === 'cents') p.amount = euro(actual.value);
	if (limit?.kind === 'cents') p.max = euro(limit.value);
	if (actual && actual.kind !== 'cents' && actual.kind !== 'share' && actual.kind !== 'instant') p.count = number(actual.value);
	if (limit && limit.kind !== 'cents' && limit.kind !== 'share' && limit.kind !== 'instant') p.max = number(limit.value);
	if (actual?.kind === 'share') p.share = shownShare(actual.num, actual.den);
	if (limit?.kind === 'share') p.max = limitShare(limit.num, limit.den);
	switch (result.rule) {
		case 'section_words':
			p.over = number(Math.max(0, plain(actual) - plain(limit)));
			break;
		case 'grant_max':
		case 'start_fund_max':
			p.over = euro(Math.max(0, cents(actual) - cents(limit)));
			break;
		case 'cofinancing_min': {
			// What co-financing is missing for the share asked, on the same total cost.
			const [a, l] = [fraction(actual), fraction(limit)];
			p.over = euro(a.den > 0 ? Math.max(0, ceilDiv(a.den, l.num, l.den) - a.num) : 0);
			break;
		}
		case 'small_infrastructure_max': {
			// How much small infrastructure has to go for it to fit in the share of this grant.
			const [a, l] = [fraction(actual), fraction(limit)];
			const allowed = a.den > 0 ? Number((BigInt(a.den) * BigInt(l.num)) / BigInt(l.den)) : 0;
			p.over = euro(Math.max(0, a.num - allowed));
			break;
		}
		case 'yearly_decreasing':
			p.year = number(Number(result.subject));
			p.previous = number(Number(result.subject) - 1);
			break;
	}
	return p;
}

const SAY: Record<RuleCode, Pair> = {
	deadline_open: { pass: m.fund_rule_deadline_open_pass, fail: m.fund_rule_deadline_open_fail },
	deadline_closed: { pass: m.fund_rule_deadline_closed_pass, fail: m.fund_rule_deadline_closed_fail },
	applicant_kind: { pass: m.fund_rule_applicant_kind_pass, fail: m.fund_rule_applicant_kind_fail },
	title_required: { pass: m.fund_rule_title_required_pass, fail: m.fund_rule_title_required_fail },
	section_required: { pass: m.fund_rule_section_required_pass, fail: m.fund_rule_section_required_fail },
	section_words: { pass: m.fund_rule_section_words_pass, fail: m.fund_rule_section_words_fail },
	budget_not_empty: { pass: m.fund_rule_budget_not_empty_pass, fail: m.fund_rule_budget_not_empty_fail },
	line_year: { pass: m.fund_rule_line_year_pass, fail: m.fund_rule_line_year_fail },
	line_category: { pass: m.fund_rule_line_category_pass, fail: m.fund_rule_line_category_fail },
	line_amount: { pass: m.fund_rule_line_amount_pass, fail: m.fund_rule_line_amount_fail },
	grant_positive: { pass: m.fund_rule_grant_positive_pass, fail: m.fund_rule_grant_positive_fail },
	grant_max: { pass: m.fund_rule_grant_max_pass, fail: m.fund_rule_grant_max_fail },
	start_fund_max: { pass: m.fund_rule_start_fund_max_pass, fail: m.fund_rule_start_fund_max_fail },
	cofinancing_min: { pass: m.fund_rule_cofinancing_min_pass, fail: m.fund_rule_cofinancing_min_fail },
	small_infrastructure_max: { pass: m.fund_rule_small_infrastructure_max_pass, fail: m.fund_rule_small_infrastructure_max_fail },
	yearly_decreasing: { pass: m.fund_rule_yearly_decreasing_pass, fail: m.fund_rule_yearly_decreasing_fail },
	indicators_min: { pass: m.fund_rule_indicators_min_pass, fail: m.fund_rule_indicators_min_fail },
	partner_contribution: { pass: m.fund_rule_partner_contribution_pass, fail: m.fund_rule_partner_contribution_fail }
};

/** One sentence in the page's language: the rule, what the application has, the limit, and by how much. */
export function describeRule(result: RuleResult, names: DescribeNames = {}): string {
	const pair = SAY[result.rule];
	if (!pair) return result.rule;
	const p = params(result, names);
	// A start fund the call does not offer (limit 0) or an amount that is no amount: the cap is not the point.
	if (result.rule === 'start_fund_max' && !result.pass && cents(result.limit) === 0) return m.fund_rule_start_fund_none(p);
	if (result.rule === 'start_fund_max' && !result.pass && cents(result.actual) <= cents(result.limit)) return m.fund_rule_amount_invalid(p);
	if (result.rule === 'cofinancing_min' && !result.pass && fraction(result.actual).den === 0) return m.fund_rule_cofinancing_no_cost(p);
	return (result.pass ? pair.pass : pair.fail)(p);
}

const CATEGORY: Record<BudgetCategory, () => string> = {
	personnel: m.fund_category_personnel,
	operations: m.fund_category_operations,
	studies: m.fund_category_studies,
	investments: m.fund_category_investments,
	small_infrastructure: m.fund_category_small_infrastructure,
	material: m.fund_category_material,
	rent: m.fund_category_rent,
	works: m.fund_category_works,
	communication: m.fund_category_communication,
	coaching: m.fund_category_coaching,
	other: m.fund_category_other
};

/** A budget category in the page's language; an unknown code shows as it is. */
export const categoryLabel = (code: string): string => (Object.hasOwn(CATEGORY, code) ? CATEGORY[code as BudgetCategory]() : code);
