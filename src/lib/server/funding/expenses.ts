import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { defineVerb, fileType, InvalidError, NotFoundError, type ProblemCode } from '../core/index.ts';
import { permission } from '../access/index.ts';
import { projectBudget } from '../../funding/budget.ts';
import { FUNDING_LIMITS, fundingExpense, fundingFile } from './schema.ts';
import { expenseDocumentInput, recordExpenseInput } from './grant-validation.ts';
import { budgetVersions, managedProject, readableProject } from './projects.ts';

// Money spent against a line of the approved budget, with its document (an invoice, a receipt) kept in
// PostgreSQL: at most FUNDING_LIMITS.fileMaxBytes, and only a PDF, PNG or JPEG recognised by its first
// bytes — never by its name or the type the browser sent. Overspending a line is allowed (the money was
// spent) but flagged, on the answer and on the page.

const EXPENSE_FILE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

/** A refused document: 413 (too large) or 415 (not an accepted type), the field's message beside it. */
export class FileRefusedError extends InvalidError {
	override readonly status: number;
	constructor(status: 413 | 415, key: ProblemCode & `fund_expense_error_${string}`) {
		super({ file: key }, key);
		this.status = status;
	}
}

/** The file's recognised type, or the refusal (nothing is stored then). */
export function checkedFile(content: Uint8Array): (typeof EXPENSE_FILE_TYPES)[number] {
	if (content.byteLength === 0) throw new InvalidError({ file: 'fund_expense_error_file_empty' });
	if (content.byteLength > FUNDING_LIMITS.fileMaxBytes) throw new FileRefusedError(413, 'fund_expense_error_file_size');
	const type = fileType(content);
	const accepted = EXPENSE_FILE_TYPES.find((t) => t === type);
	if (!accepted) throw new FileRefusedError(415, 'fund_expense_error_file_type');
	return accepted;
}

export const recordExpense = defineVerb({
	name: 'funding.expense.record',
	summary: 'Record an expense against a line and year of the approved budget, with its document; overspending is allowed and flagged',
	permission: permission('funding.grant.manage'),
	input: recordExpenseInput,
	writes: true,
	access: (ctx, { projectId }) => managedProject(ctx, projectId),
	run: async (ctx, input, project) => {
		const { inForce } = await budgetVersions(ctx, project.id);
		if (!inForce.body.budget.some((l) => l.id === input.lineId && l.year === input.year))
			throw new InvalidError({ lineId: 'fund_expense_error_line' });
		const mediaType = input.file ? checkedFile(input.file.content) : null;
		let fileId: string | null = null;
		if (input.file && mediaType) {
			const bytes = Buffer.from(input.file.content);
			const [file] = await ctx.db
				.insert(fundingFile)
				.values({
					organisationId: project.organisationId,
					callId: null,
					name: input.file.name,
					mediaType,
					size: bytes.byteLength,
					sha256: createHash('sha256').update(bytes).digest('hex'),
					content: bytes,
					createdByUserId: ctx.actor.userId
				})
				.returning({ id: fundingFile.id });
			fileId = file!.id;
		}
		const [row] = await ctx.db
			.insert(fundingExpense)
			.values({
				projectId: project.id,
				lineId: input.lineId,
				year: input.year,
				spentOn: input.spentOn,
				amountCents: input.amountCents,
				supplier: input.supplier,
				description: input.description,
				fileId,
				createdByUserId: ctx.actor.userId
			})
			.returning({ id: fundingExpense.id });
		const spending = await ctx.db
			.select({ lineId: fundingExpense.lineId, year: fundingExpense.year, amountCents: fundingExpense.amountCents })
			.from(fundingExpense)
			.where(and(eq(fundingExpense.projectId, project.id), eq(fundingExpense.lineId, input.lineId), eq(fundingExpense.year, input.year)));
		const line = projectBudget(inForce.body, spending, [], project.grantedCents).lines.find(
			(l) => l.lineId === input.lineId && l.year === input.year
		)!;
		return {
			id: row!.id,
			projectId: project.id,
			fileId,
			plannedCents: line.plannedCents,
			spentCents: line.spentCents,
			remainingCents: line.remainingCents,
			overspent: line.overspent
		};
	},
	audit: (input, out) => ({
		action: 'create',
		entity: 'funding_expense',
		entityId: out.id,
		details: {
			projectId: out.projectId,
			lineId: input.lineId,
			year: input.year,
			amountCents: input.amountCents,
			fileId: out.fileId,
			overspent: out.overspent
		}
	})
});

export const downloadExpenseDocument = defineVerb({
	name: 'funding.expense.document.download',
	summary: "An expense's document: for the project's applicant and the funder's officers",
	permission: permission('funding.own.read'),
	input: expenseDocumentInput,
	writes: false,
	access: (ctx, { projectId }) => readableProject(ctx, projectId),
	run: async (ctx, input, project) => {
		const [file] = await ctx.db
			.select({ name: fundingFile.name, mediaType: fundingFile.mediaType, content: fundingFile.content })
			.from(fundingExpense)
			.innerJoin(fundingFile, eq(fundingFile.id, fundingExpense.fileId))
			.where(and(eq(fundingExpense.id, input.expenseId), eq(fundingExpense.projectId, project.id)));
		if (!file) throw new NotFoundError();
		return file;
	}
});
