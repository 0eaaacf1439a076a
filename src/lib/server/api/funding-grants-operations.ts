import { z } from 'zod';
import { BUDGET_CATEGORIES } from '../../funding/types.ts';
import {
	getProjectBudget,
	planTranche,
	planTrancheInput,
	recordExpense,
	recordExpenseInput,
	recordTranche,
	recordTrancheInput
} from '../funding/index.ts';
import { operation, type Operation } from './operation.ts';

// Funding (issue 16), part grant follow-up: a project's budget against its spending, tranches planned
// and paid, expenses recorded. Same verbs, same permissions as the pages: the funder's officers write
// (funding.grant.manage, their organisation only: another funder's officer gets 404); the applicant
// who owns the application reads the budget; anyone else gets 404. Amounts are integer euro cents.

const money = {
	plannedCents: z.int(),
	spentCents: z.int(),
	remainingCents: z.int().describe('Planned less spent: negative when overspent.'),
	overspent: z.boolean()
};
const projectBudget = z
	.object({
		projectId: z.uuid(),
		budgetVersion: z.int().describe('The approved budget version in force (1: the granted application; higher: an approved amendment).'),
		lines: z.array(
			z.object({
				lineId: z.string(),
				year: z.int(),
				category: z.enum(BUDGET_CATEGORIES).nullable().describe('null: spending on a line the budget in force no longer has.'),
				description: z.string(),
				...money
			})
		),
		years: z.array(z.object({ year: z.int(), ...money })),
		categories: z.array(z.object({ category: z.enum(BUDGET_CATEGORIES), ...money })),
		total: z.object(money),
		tranches: z.object({
			plannedCents: z.int(),
			paidCents: z.int(),
			unplannedCents: z.int().describe('The granted amount not yet planned in a tranche.')
		}),
		grantedCents: z.int(),
		paidCents: z.int(),
		leftToPayCents: z.int()
	})
	.meta({ id: 'ProjectBudget' });

const trancheCreated = z.object({ id: z.uuid(), projectId: z.uuid() }).meta({ id: 'TranchePlanned' });
const tranchePaid = z.object({ id: z.uuid(), projectId: z.uuid(), paidOn: z.iso.date(), paidCents: z.int() }).meta({ id: 'TranchePaid' });
const expenseRecorded = z
	.object({
		id: z.uuid(),
		projectId: z.uuid(),
		fileId: z.uuid().nullable(),
		plannedCents: z.int(),
		spentCents: z.int().describe('Spent on this line and year, this expense included.'),
		remainingCents: z.int(),
		overspent: z.boolean().describe('Overspending is allowed (the money was spent) but flagged.')
	})
	.meta({ id: 'ExpenseRecorded' });

export const FUNDING_GRANT_OPERATIONS: Operation[] = [
	operation({
		method: 'get',
		path: '/funding/projects/{id}/budget',
		operationId: 'getProjectBudget',
		verb: getProjectBudget,
		response: projectBudget
	}),
	operation({
		method: 'post',
		path: '/funding/projects/{id}/tranches',
		operationId: 'planTranche',
		verb: planTranche,
		request: planTrancheInput.omit({ projectId: true }),
		input: ({ params, body }) => ({ ...body, projectId: params.id }),
		response: trancheCreated,
		status: 201
	}),
	operation({
		method: 'post',
		path: '/funding/tranches/{id}/payment',
		operationId: 'recordTranche',
		summary: 'Record a tranche as paid (once: 409 after)',
		verb: recordTranche,
		request: recordTrancheInput.omit({ trancheId: true }),
		input: ({ params, body }) => ({ ...body, trancheId: params.id }),
		response: tranchePaid
	}),
	operation({
		method: 'post',
		path: '/funding/projects/{id}/expenses',
		operationId: 'recordExpense',
		summary: 'Record an expense against a line and year of the approved budget (its document is attached on the page: the API takes JSON only)',
		verb: recordExpense,
		request: recordExpenseInput.omit({ projectId: true, file: true }),
		input: ({ params, body }) => ({ ...body, projectId: params.id }),
		response: expenseRecorded,
		status: 201
	})
];
