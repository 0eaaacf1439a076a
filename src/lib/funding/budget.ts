import { applicationTotals, checkApplication } from './rules.ts';
import type { ApplicantKind, ApplicationBody, BudgetCategory, CallRules, RuleCode, RuleResult } from './types.ts';

// A running project's money (issue 16, grant follow-up): what the approved budget plans per line and
// year, what was spent against it, what is left, and whether a budget amendment still keeps the call's
// rules. Pure, no I/O, integer cents only: the page, the API and the amendment verb share it.

/** What was spent: an expense names a budget line of the approved budget and a year. */
export type Spending = { lineId: string; year: number; amountCents: number };
/** A tranche of the grant: planned, then (once) paid. */
export type TrancheMoney = { amountCents: number; paidCents: number | null };

export type MoneyRow = { plannedCents: number; spentCents: number; remainingCents: number; overspent: boolean };
export type LineRow = MoneyRow & { lineId: string; year: number; category: BudgetCategory | null; description: string };

export type ProjectBudget = {
	/** Per budget line and year, in the approved body's order; spending on a line it does not have comes last (planned 0). */
	lines: LineRow[];
	/** Years 1 … the call's duration (and any later year spent on). */
	years: (MoneyRow & { year: number })[];
	categories: (MoneyRow & { category: BudgetCategory })[];
	total: MoneyRow;
	tranches: { plannedCents: number; paidCents: number; unplannedCents: number };
	grantedCents: number;
	/** Paid out of the grant so far, and what is left to pay. */
	paidCents: number;
	leftToPayCents: number;
};

const row = (plannedCents: number, spentCents: number): MoneyRow => ({
	plannedCents,
	spentCents,
	remainingCents: plannedCents - spentCents,
	overspent: spentCents > plannedCents
});

const key = (lineId: string, year: number) => `${year}\u0000${lineId}`;

/** Spent per budget line and year. */
export function spentByLine(spending: readonly Spending[]): Map<string, number> {
	const spent = new Map<string, number>();
	for (const s of spending) spent.set(key(s.lineId, s.year), (spent.get(key(s.lineId, s.year)) ?? 0) + s.amountCents);
	return spent;
}

/** The approved budget against the spending and the tranches. */
export function projectBudget(
	body: Pick<ApplicationBody, 'budget'>,
	spending: readonly Spending[],
	tranches: readonly TrancheMoney[],
	grantedCents: number,
	durationYears = 0
): ProjectBudget {
	const spent = spentByLine(spending);
	const planned = new Map<string, { lineId: string; year: number; category: BudgetCategory; description: string; cents: number }>();
	for (const line of body.budget) {
		const k = key(line.id, line.year);
		const known = planned.get(k);
		if (known) known.cents += line.amountCents;
		else planned.set(k, { lineId: line.id, year: line.year, category: line.category, description: line.description, cents: line.amountCents });
	}
	const lines: LineRow[] = [...planned.entries()].map(([k, p]) => ({
		lineId: p.lineId,
		year: p.year,
		category: p.category,
		description: p.description,
		...row(p.cents, spent.get(k) ?? 0)
	}));
	for (const s of spending) {
		if (lines.some((l) => l.lineId === s.lineId && l.year === s.year)) continue;
		lines.push({ lineId: s.lineId, year: s.year, category: null, description: '', ...row(0, spent.get(key(s.lineId, s.year))!) });
	}

	const lastYear = Math.max(durationYears, ...lines.map((l) => l.year));
	const years = Array.from({ length: Math.max(0, lastYear) }, (_, i) => {
		const of = lines.filter((l) => l.year === i + 1);
		return { year: i + 1, ...row(sum(of.map((l) => l.plannedCents)), sum(of.map((l) => l.spentCents))) };
	});
	const categoryOrder = [...new Set(lines.flatMap((l) => (l.category ? [l.category] : [])))];
	const categories = categoryOrder.map((category) => {
		const of = lines.filter((l) => l.category === category);
		return { category, ...row(sum(of.map((l) => l.plannedCents)), sum(of.map((l) => l.spentCents))) };
	});
	const plannedTranches = sum(tranches.map((t) => t.amountCents));
	const paidCents = sum(tranches.map((t) => t.paidCents ?? 0));
	return {
		lines,
		years,
		categories,
		total: row(sum(lines.map((l) => l.plannedCents)), sum(lines.map((l) => l.spentCents))),
		tranches: { plannedCents: plannedTranches, paidCents, unplannedCents: grantedCents - plannedTranches },
		grantedCents,
		paidCents,
		leftToPayCents: grantedCents - paidCents
	};
}

function sum(values: readonly number[]): number {
	let total = 0;
	for (const v of values) total += v;
	return total;
}

/** How much a new tranche would take the planned tranches over the grant (0: it fits). */
export function trancheExcess(tranches: readonly TrancheMoney[], amountCents: number, grantedCents: number): number {
	return Math.max(0, sum(tranches.map((t) => t.amountCents)) + amountCents - grantedCents);
}

/**
 * The rules an amendment is not held to: the call's opening and closing instants govern when one may
 * apply, not a running project's budget (which is amended years after the deadline).
 */
export const AMENDMENT_SKIPPED_RULES: ReadonlySet<RuleCode> = new Set(['deadline_open', 'deadline_closed']);

export type AmendmentCheck = {
	/** Every rule of the call on the amended body, the deadline's left out. */
	rules: RuleResult[];
	/** The grant the amended budget asks, against the granted amount. */
	grant: { pass: boolean; grantCents: number; grantedCents: number };
	/** Lines (and years) whose amended amount falls below what was already spent on them. */
	belowSpent: { lineId: string; year: number; plannedCents: number; spentCents: number }[];
	ok: boolean;
};

/**
 * Whether an amended budget may replace the one in force: it still satisfies the call's rules (as frozen
 * with the application: `rules`), asks no more than was granted, and keeps every line at least at what
 * was spent on it (a line dropped from the body counts as 0).
 */
export function checkAmendment(
	rules: CallRules,
	body: ApplicationBody,
	context: { applicantKind: ApplicantKind; grantedCents: number; spending: readonly Spending[] }
): AmendmentCheck {
	// Any instant will do for the clock: the deadline's results are dropped right after.
	const results = checkApplication(rules, body, { now: new Date(rules.opensAt), applicantKind: context.applicantKind }).filter(
		(r) => !AMENDMENT_SKIPPED_RULES.has(r.rule)
	);
	const amended = projectBudget(body, [], [], context.grantedCents);
	const plannedNow = new Map(amended.lines.map((l) => [key(l.lineId, l.year), l.plannedCents]));
	const belowSpent = [...spentByLine(context.spending).entries()].flatMap(([k, spentCents]) => {
		const plannedCents = plannedNow.get(k) ?? 0;
		if (plannedCents >= spentCents) return [];
		const [year, lineId] = k.split('\u0000') as [string, string];
		return [{ lineId, year: Number(year), plannedCents, spentCents }];
	});
	const grantCents = applicationTotals(rules, body).grantCents;
	const grant = { pass: grantCents <= context.grantedCents, grantCents, grantedCents: context.grantedCents };
	return { rules: results, grant, belowSpent, ok: results.every((r) => r.pass) && grant.pass && belowSpent.length === 0 };
}
