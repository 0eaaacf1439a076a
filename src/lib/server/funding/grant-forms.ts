import { z } from 'zod';
import { parseAmount } from '../../funding/money.ts';
import { BUDGET_CATEGORIES, type BudgetCategory } from '../../funding/types.ts';
import { FUNDING_LIMITS } from './schema.ts';

// The project page's small forms, as form strings → a verb's input. Amounts are read as people type them
// ("1.234,56", "€ 400") by money.ts: "-5", "abc" and "1,234" (three decimals) are refused here with the
// field's message, before any verb runs, and the form re-renders with what was typed.

const str = z.preprocess((v) => (v === undefined || v === null ? '' : v), z.string());
/** An amount typed in euro → cents, more than zero (or zero too, for an amended line). */
const amount = (key: string, zero = false) =>
	str.transform((s, ctx) => {
		const r = parseAmount(s);
		if (r.ok && (zero || r.cents > 0)) return r.cents;
		ctx.addIssue({ code: 'custom', message: key });
		return z.NEVER;
	});
const text = (max: number) => str.pipe(z.string().trim().max(max, 'error_too_long'));

export const planForm = z.object({
	plannedOn: z.iso.date('error_date'),
	amount: amount('fund_tranche_error_amount'),
	condition: text(FUNDING_LIMITS.titleMax)
});

export const payForm = z.object({
	tranche: z.uuid('error_not_found'),
	paidOn: z.iso.date('error_date'),
	paidAmount: amount('fund_tranche_error_amount')
});

/** The line and year as the page's select sends them: "<year>:<line id>". */
const lineYear = str.transform((s, ctx) => {
	const at = s.indexOf(':');
	const year = Number(s.slice(0, at));
	if (at < 1 || !Number.isInteger(year) || at === s.length - 1) {
		ctx.addIssue({ code: 'custom', message: 'fund_expense_error_line' });
		return z.NEVER;
	}
	return { year, lineId: s.slice(at + 1) };
});

export const expenseForm = z.object({
	line: lineYear,
	spentOn: z.iso.date('error_date'),
	amount: amount('fund_expense_error_amount'),
	supplier: text(FUNDING_LIMITS.titleMax).pipe(z.string().min(1, 'error_required')),
	description: text(FUNDING_LIMITS.textMax)
});

/**
 * An amended budget: the lines of the budget in force (hidden: "<year>:<line id>", category and
 * description, repeated in order) with the amount typed for each; the verb checks every rule again.
 */
const list = (item: z.ZodType) => z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));
export const proposeForm = z
	.object({
		line: list(lineYear),
		category: list(z.enum(BUDGET_CATEGORIES, 'error_choice')),
		description: list(text(FUNDING_LIMITS.titleMax)),
		amount: list(amount('fund_amend_error_amount', true)),
		reason: text(FUNDING_LIMITS.textMax).pipe(z.string().min(1, 'error_required'))
	})
	.refine((f) => f.line.length > 0 && [f.category, f.description, f.amount].every((a) => a.length === f.line.length), {
		message: 'fund_amend_error_line',
		path: ['amount']
	})
	.transform((f) => ({
		reason: f.reason,
		budget: f.line.map((l, i) => {
			const { year, lineId } = l as { year: number; lineId: string };
			return {
				id: lineId,
				year,
				category: f.category[i] as BudgetCategory,
				description: f.description[i] as string,
				amountCents: f.amount[i] as number
			};
		})
	}));

export const decideForm = z.object({
	version: z.coerce.number().int().min(2),
	decision: z.enum(['approve', 'refuse'], 'error_choice'),
	reason: text(FUNDING_LIMITS.textMax)
});
