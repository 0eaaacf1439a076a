import { z } from 'zod';
import { BUDGET_CATEGORIES, type ApplicationBody } from '../../funding/types.ts';
import { FUNDING_LIMITS } from './schema.ts';

// The inputs of the grant follow-up verbs (projects, tranches, expenses, budget amendments), shared by
// the forms, the API and its document. Amounts are integer cents here: the pages parse what people
// type ("1.234,56") with money.ts `parseAmount` first, so "-5", "abc" and "1,234" never get this far.

const uuid = z.uuid('error_not_found');
const day = z.iso.date('error_date');
const text = (max: number) => z.string().trim().max(max, 'error_too_long');
const cents = (key: string) => z.number(key).int(key).min(1, key).max(FUNDING_LIMITS.amountMaxCents, key);
const anyCents = z.number('fund_amend_error_amount').int('fund_amend_error_amount').min(0, 'fund_amend_error_amount');

export const projectIdInput = z.object({ id: uuid });
export const listProjectsInput = z.object({}).default({});

export const planTrancheInput = z.object({
	projectId: uuid,
	plannedOn: day,
	amountCents: cents('fund_tranche_error_amount'),
	condition: text(FUNDING_LIMITS.titleMax).default('')
});

export const recordTrancheInput = z.object({
	trancheId: uuid,
	paidOn: day,
	paidCents: cents('fund_tranche_error_amount')
});

// A file as the page or a script hands it over: its name (kept for the download only) and its bytes.
const safeName = (s: string) => [...s].map((c) => (c < ' ' || c === '"' || c === '/' || c === '\\' ? '_' : c)).join('');
export const expenseFile = z.object({
	name: z
		.string()
		.trim()
		.transform((s) => safeName(s).slice(-FUNDING_LIMITS.titleMax).trim())
		.pipe(z.string().min(1, 'fund_expense_error_file_name')),
	content: z.instanceof(Uint8Array, { message: 'fund_expense_error_file_type' })
});

export const recordExpenseInput = z.object({
	projectId: uuid,
	lineId: z.string('fund_expense_error_line').min(1, 'fund_expense_error_line').max(100, 'fund_expense_error_line'),
	year: z
		.number('fund_expense_error_line')
		.int('fund_expense_error_line')
		.min(1, 'fund_expense_error_line')
		.max(FUNDING_LIMITS.yearsMax, 'fund_expense_error_line'),
	spentOn: day,
	amountCents: cents('fund_expense_error_amount'),
	supplier: text(FUNDING_LIMITS.titleMax).min(1, 'error_required'),
	description: text(FUNDING_LIMITS.textMax).default(''),
	file: expenseFile.optional()
});

export const expenseDocumentInput = z.object({ projectId: uuid, expenseId: uuid });

// An amended budget: the lines (and the own contribution) of the application's body; the other parts are
// kept by the verb from the version in force, so an amendment cannot rewrite the sections the jury scored.
const budgetLine = z.object({
	id: z.string().min(1, 'fund_amend_error_line').max(100, 'fund_amend_error_line'),
	year: z.number().int('fund_amend_error_line').min(1, 'fund_amend_error_line').max(FUNDING_LIMITS.yearsMax, 'fund_amend_error_line'),
	category: z.enum(BUDGET_CATEGORIES, 'error_choice'),
	description: text(FUNDING_LIMITS.titleMax),
	amountCents: anyCents.max(FUNDING_LIMITS.amountMaxCents, 'fund_amend_error_amount')
}) satisfies z.ZodType<ApplicationBody['budget'][number]>;

export const proposeAmendmentInput = z.object({
	projectId: uuid,
	body: z.object({
		budget: z.array(budgetLine).min(1, 'fund_amend_error_empty').max(FUNDING_LIMITS.budgetLinesMax, 'error_too_long'),
		ownContributionCents: anyCents.max(FUNDING_LIMITS.amountMaxCents, 'fund_amend_error_amount').optional()
	}),
	reason: text(FUNDING_LIMITS.textMax).min(1, 'error_required')
});

export const decideAmendmentInput = z.object({
	projectId: uuid,
	version: z.number().int().min(2),
	approve: z.boolean(),
	reason: text(FUNDING_LIMITS.textMax).default('')
});
