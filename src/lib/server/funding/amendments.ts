import { and, eq } from 'drizzle-orm';
import { ConflictError, defineVerb, InvalidError, NotFoundError, type Ctx } from '../core/index.ts';
import { can, permission } from '../access/index.ts';
import { checkAmendment, type AmendmentCheck } from '../../funding/budget.ts';
import type { ApplicationBody } from '../../funding/types.ts';
import { fundingBudgetVersion, fundingExpense } from './schema.ts';
import { decideAmendmentInput, proposeAmendmentInput } from './grant-validation.ts';
import { budgetVersions, managedProject, readableProject, type ProjectRecord } from './projects.ts';

// A budget amendment is a new budget version: proposed by the applicant (or the officer), checked
// against the call's rules as frozen with the application (deadline left out: budget.ts), the granted
// amount and what was already spent, then approved or refused by the funder's officer. The approved
// version with the highest number is the budget in force; one proposal waits at a time.

/** An amendment that breaks a rule: 422, one field per failing rule (`rules.<code>[.<subject>]`); `check` says by how much. */
export class AmendmentRefusedError extends InvalidError {
	readonly check: AmendmentCheck;
	constructor(fields: Record<string, string>, check: AmendmentCheck) {
		super(fields);
		this.check = check;
	}
}

async function refuseUnlessValid(ctx: Ctx, project: ProjectRecord, body: ApplicationBody) {
	const spending = await ctx.db
		.select({ lineId: fundingExpense.lineId, year: fundingExpense.year, amountCents: fundingExpense.amountCents })
		.from(fundingExpense)
		.where(eq(fundingExpense.projectId, project.id));
	const check = checkAmendment(project.rules, body, { applicantKind: project.applicantKind, grantedCents: project.grantedCents, spending });
	if (check.ok) return;
	const fields: Record<string, string> = {};
	for (const r of check.rules.filter((x) => !x.pass)) fields[`rules.${r.rule}${r.subject ? `.${r.subject}` : ''}`] = 'fund_amend_error_rule';
	if (!check.grant.pass) fields.grant = 'fund_amend_error_over_granted';
	for (const l of check.belowSpent) fields[`spent.${l.lineId}.${l.year}`] = 'fund_amend_error_below_spent';
	throw new AmendmentRefusedError(fields, check);
}

export const proposeAmendment = defineVerb({
	name: 'funding.amendment.propose',
	summary: "Propose a budget amendment: a new budget version that must still satisfy the call's rules, the granted amount and the spending",
	permission: permission('funding.own.write'),
	input: proposeAmendmentInput,
	writes: true,
	access: (ctx, { projectId }) => readableProject(ctx, projectId),
	run: async (ctx, input, readable) => {
		// The applicant or the officer; the lock serialises proposals and decisions on one project.
		const project = can(ctx.actor, 'funding.grant.manage', readable) ? await managedProject(ctx, readable.id) : readable;
		const { versions, inForce } = await budgetVersions(ctx, project.id);
		if (versions.some((v) => v.status === 'proposed')) throw new ConflictError('fund_amend_error_pending');
		const body: ApplicationBody = {
			...inForce.body,
			budget: input.body.budget,
			ownContributionCents: input.body.ownContributionCents ?? inForce.body.ownContributionCents
		};
		await refuseUnlessValid(ctx, project, body);
		const version = Math.max(...versions.map((v) => v.version)) + 1;
		await ctx.db.insert(fundingBudgetVersion).values({
			projectId: project.id,
			version,
			body,
			status: 'proposed',
			reason: input.reason,
			proposedByUserId: ctx.actor.userId
		});
		return { projectId: project.id, version, status: 'proposed' as const };
	},
	audit: (input, out) => ({
		action: 'create',
		entity: 'funding_budget_version',
		entityId: out.projectId,
		reason: input.reason,
		details: { version: out.version }
	})
});

export const decideAmendment = defineVerb({
	name: 'funding.amendment.decide',
	summary: 'Approve (it becomes the budget in force) or refuse a proposed budget amendment',
	permission: permission('funding.grant.manage'),
	input: decideAmendmentInput,
	writes: true,
	access: (ctx, { projectId }) => managedProject(ctx, projectId),
	run: async (ctx, input, project) => {
		const { versions } = await budgetVersions(ctx, project.id);
		const proposal = versions.find((v) => v.version === input.version);
		if (!proposal) throw new NotFoundError();
		if (proposal.status !== 'proposed') throw new ConflictError('fund_amend_error_decided');
		// Spending recorded since the proposal may have made it invalid: checked again before it is in force.
		if (input.approve) await refuseUnlessValid(ctx, project, proposal.body);
		// A refusal says why (kept in the audit row, with the decision).
		else if (!input.reason) throw new InvalidError({ reason: 'error_required' });
		const status = input.approve ? ('approved' as const) : ('refused' as const);
		await ctx.db
			.update(fundingBudgetVersion)
			.set({ status, decidedByUserId: ctx.actor.userId, decidedAt: new Date() })
			.where(and(eq(fundingBudgetVersion.projectId, project.id), eq(fundingBudgetVersion.version, input.version)));
		return { projectId: project.id, version: input.version, status };
	},
	audit: (input, out) => ({
		action: 'update',
		entity: 'funding_budget_version',
		entityId: out.projectId,
		reason: input.reason || null,
		details: { version: out.version, status: out.status }
	})
});
