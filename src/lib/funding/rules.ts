import { countWords } from '../words.ts';
import { AMOUNT_MAX_CENTS } from './money.ts';
import type { ApplicantKind, ApplicationBody, CallRules, RuleCode, RuleResult, RuleValue } from './types.ts';

// THE rules engine (issue 16): pure, no I/O, the same in the browser (the live check as one types), the
// pages without JavaScript, the API's validateApplication and the submit action. One truth.
// Amounts are integer cents; a share is compared by cross-multiplying integers (BigInt), never as a
// float, so 19.996 % fails a 20 % rule even though it shows as "20.0 %".

export type CheckContext = {
	/** The clock the deadline is read on (the server's now; the browser's own for the live check). */
	now: Date;
	applicantKind: ApplicantKind;
};

/** What the budget adds up to, in cents: shown in the budget table and used by the rules. */
export type Totals = {
	totalCents: number;
	cofinancingCents: number;
	/** The grant asked: the total cost less the co-financing. */
	grantCents: number;
	/** Index 0 is year 1. */
	byYear: number[];
	byCategory: Partial<Record<string, number>>;
};

const validAmount = (cents: number) => Number.isSafeInteger(cents) && cents >= 0 && cents <= AMOUNT_MAX_CENTS;

export function applicationTotals(rules: CallRules, body: ApplicationBody): Totals {
	const byYear = Array.from({ length: Math.max(0, rules.durationYears) }, () => 0);
	const byCategory: Partial<Record<string, number>> = {};
	let totalCents = 0;
	// A line the rules refuse (a bad amount) adds nothing, so one typo does not make every total wrong.
	for (const line of body.budget) {
		if (!validAmount(line.amountCents)) continue;
		totalCents += line.amountCents;
		byCategory[line.category] = (byCategory[line.category] ?? 0) + line.amountCents;
		if (Number.isInteger(line.year) && line.year >= 1 && line.year <= byYear.length) byYear[line.year - 1]! += line.amountCents;
	}
	const partners = body.partners.reduce((sum, p) => sum + (validAmount(p.contributionCents) ? p.contributionCents : 0), 0);
	const cofinancingCents = (validAmount(body.ownContributionCents) ? body.ownContributionCents : 0) + partners;
	return { totalCents, cofinancingCents, grantCents: totalCents - cofinancingCents, byYear, byCategory };
}

const cents = (value: number): RuleValue => ({ kind: 'cents', value });
const count = (value: number): RuleValue => ({ kind: 'count', value });
const share = (num: number, den: number): RuleValue => ({ kind: 'share', num, den });
const basisPoints = (bp: number) => share(bp, 10_000);

/** a/b ≥ c/d for non-negative integers, exactly (b, d > 0). */
const atLeast = (a: number, b: number, c: number, d: number) => BigInt(a) * BigInt(d) >= BigInt(c) * BigInt(b);

/** Every rule of the call on this application: each result passes or says by how much it fails. */
export function checkApplication(rules: CallRules, body: ApplicationBody, context: CheckContext): RuleResult[] {
	const results: RuleResult[] = [];
	const add = (rule: RuleCode, pass: boolean, actual: RuleValue | null = null, limit: RuleValue | null = null, subject: string | null = null) =>
		results.push({ rule, subject, pass, actual, limit });
	const now = context.now.toISOString();

	// The deadline: open from opensAt, and up to and including the instant closesAt.
	add(
		'deadline_open',
		context.now.getTime() >= Date.parse(rules.opensAt),
		{ kind: 'instant', value: now },
		{ kind: 'instant', value: rules.opensAt }
	);
	add(
		'deadline_closed',
		context.now.getTime() <= Date.parse(rules.closesAt),
		{ kind: 'instant', value: now },
		{ kind: 'instant', value: rules.closesAt }
	);
	add('applicant_kind', rules.applicantKinds.includes(context.applicantKind));
	add('title_required', body.title.trim().length > 0);

	for (const section of rules.sections) {
		const words = countWords(body.sections[section.key] ?? '');
		if (section.required) add('section_required', words > 0, { kind: 'words', value: words }, null, section.key);
		if (section.maxWords > 0)
			add('section_words', words <= section.maxWords, { kind: 'words', value: words }, { kind: 'words', value: section.maxWords }, section.key);
	}

	// Per line, only the lines that break a rule get a result of their own; when none does, one passing
	// result says so (200 ticks on a page help nobody).
	add('budget_not_empty', body.budget.length > 0, count(body.budget.length));
	const lineRule = (
		rule: RuleCode,
		ok: (line: ApplicationBody['budget'][number]) => boolean,
		actual: (line: ApplicationBody['budget'][number]) => RuleValue
	) => {
		const bad = body.budget.filter((line) => !ok(line));
		for (const line of bad) add(rule, false, actual(line), null, line.id);
		if (!bad.length && body.budget.length) add(rule, true);
	};
	lineRule(
		'line_year',
		(l) => Number.isInteger(l.year) && l.year >= 1 && l.year <= rules.durationYears,
		(l) => ({ kind: 'year', value: l.year })
	);
	lineRule(
		'line_category',
		(l) => rules.categories.includes(l.category),
		() => count(rules.categories.length)
	);
	lineRule(
		'line_amount',
		(l) => validAmount(l.amountCents) && l.amountCents > 0,
		(l) => cents(l.amountCents)
	);

	const totals = applicationTotals(rules, body);
	// A co-financing above the total cost leaves a negative grant: a failing result, not a crash.
	add('grant_positive', totals.grantCents > 0, cents(totals.grantCents), cents(0));
	if (rules.maxGrantCents !== null) add('grant_max', totals.grantCents <= rules.maxGrantCents, cents(totals.grantCents), cents(rules.maxGrantCents));
	const startFundMax = rules.startFundMaxCents ?? 0;
	if (rules.startFundMaxCents !== null || body.startFundCents !== 0)
		add('start_fund_max', validAmount(body.startFundCents) && body.startFundCents <= startFundMax, cents(body.startFundCents), cents(startFundMax));

	if (rules.minCofinancingBp !== null) {
		const pass = totals.totalCents > 0 && atLeast(totals.cofinancingCents, totals.totalCents, rules.minCofinancingBp, 10_000);
		add('cofinancing_min', pass, share(totals.cofinancingCents, totals.totalCents), basisPoints(rules.minCofinancingBp));
	}
	if (rules.maxSmallInfrastructureBp !== null) {
		const small = totals.byCategory.small_infrastructure ?? 0;
		// small / grant ≤ bp / 10 000; with no grant asked, any small-infrastructure line is too much.
		const pass = totals.grantCents > 0 ? atLeast(rules.maxSmallInfrastructureBp, 10_000, small, totals.grantCents) : small === 0;
		add('small_infrastructure_max', pass, share(small, Math.max(totals.grantCents, 0)), basisPoints(rules.maxSmallInfrastructureBp));
	}
	// Decreasing over the last N years: each of those years below the year before it (one result a pair).
	for (
		let year = Math.max(2, rules.durationYears - rules.decreasingLastYears + 1);
		rules.decreasingLastYears > 0 && year <= rules.durationYears;
		year++
	) {
		const [before, after] = [totals.byYear[year - 2]!, totals.byYear[year - 1]!];
		add('yearly_decreasing', after < before, cents(after), cents(before), String(year));
	}
	if (rules.minIndicators > 0) {
		const proposed = body.indicators.filter((i) => i.name.trim() && Number.isFinite(i.target) && i.target > 0).length;
		add('indicators_min', proposed >= rules.minIndicators, count(proposed), count(rules.minIndicators));
	}
	const badPartners = body.partners.filter((p) => !validAmount(p.contributionCents));
	for (const p of badPartners) add('partner_contribution', false, cents(p.contributionCents), null, p.id);
	if (!badPartners.length && body.partners.length) add('partner_contribution', true);
	return results;
}

/** Whether the application may be submitted: every rule holds. */
export const allPass = (results: readonly RuleResult[]) => results.every((r) => r.pass);
