import { eq } from 'drizzle-orm';
import { ConflictError, defineVerb, ForbiddenError } from '../core/index.ts';
import { permission } from '../access/index.ts';
import { checkApplication } from '../../funding/rules.ts';
import type { ApplicationStatus, RuleResult } from '../../funding/types.ts';
import { fundingApplication, fundingApplicationVersion } from './schema.ts';
import { submitApplicationInput, withdrawApplicationInput } from './application-validation.ts';
import { applicationFor } from './application-access.ts';
import { logStep } from './applications.ts';
import { RulesFailedError } from './rules-failed.ts';
import { applicationMachine } from './status.ts';

// Submitting freezes the application: a version row holds its body AND the call's rules as they were,
// once every rule holds on the server's clock (the deadline included, to the second). Answering the
// officer's request for information (awaiting_information) freezes a new version the same way; the
// deadline is not checked then, as the officer reopened it after the call's window on purpose.

const DEADLINE_RULES: ReadonlySet<RuleResult['rule']> = new Set(['deadline_open', 'deadline_closed']);

/** The one next status of a submission, or a 409 when the application cannot be submitted now. */
function submitStep(from: ApplicationStatus): ApplicationStatus {
	const to: ApplicationStatus = from === 'awaiting_information' ? 'in_review' : 'submitted';
	if (!applicationMachine.canStep(from, to)) throw new ConflictError('fund_app_error_step');
	return to;
}

/** The rules that stop this application from being submitted at `now` (none: it may be). */
export function submitBlockers(results: RuleResult[], from: ApplicationStatus): RuleResult[] {
	return results.filter((r) => !r.pass && !(from === 'awaiting_information' && DEADLINE_RULES.has(r.rule)));
}

export const submitApplication = defineVerb({
	name: 'funding.application.submit',
	summary: 'Submit an application once every rule of the call holds and before its deadline; the submitted version is frozen',
	permission: permission('funding.own.write'),
	input: submitApplicationInput,
	writes: true,
	access: (ctx, { id }) => applicationFor(ctx, id, 'edit'),
	run: async (ctx, input, { application, call }) => {
		const to = submitStep(application.status);
		if (input.version !== application.version) throw new ConflictError('fund_app_error_stale');
		const now = new Date();
		const results = checkApplication(call.rules, application.body, { now, applicantKind: application.applicantKind });
		const failing = submitBlockers(results, application.status);
		if (failing.length) throw new RulesFailedError(failing);
		// Answering without a change since the last freeze: the version in force is that one already.
		await ctx.db
			.insert(fundingApplicationVersion)
			.values({
				applicationId: application.id,
				version: application.version,
				body: application.body,
				rules: call.rules,
				submittedByUserId: ctx.actor.userId,
				submittedAt: now
			})
			.onConflictDoNothing();
		await ctx.db.update(fundingApplication).set({ status: to, submittedAt: now, updatedAt: now }).where(eq(fundingApplication.id, application.id));
		await logStep(ctx, application.id, application.status, to, null);
		return { id: application.id, status: to, version: application.version };
	},
	audit: (_input, out) => ({
		action: 'update',
		entity: 'funding_application',
		entityId: out.id,
		details: { status: out.status, version: out.version }
	})
});

export const withdrawApplication = defineVerb({
	name: 'funding.application.withdraw',
	summary: 'Withdraw an application from any open status, with a reason (its owner only)',
	permission: permission('funding.own.write'),
	input: withdrawApplicationInput,
	writes: true,
	access: async (ctx, { id }) => {
		const found = await applicationFor(ctx, id, 'edit');
		// A co-editor helps write it; withdrawing it is the applicant's own decision.
		if (!found.isOwner) throw new ForbiddenError('funding.own.write');
		return found;
	},
	run: async (ctx, input, { application }) => {
		if (!applicationMachine.canStep(application.status, 'withdrawn')) throw new ConflictError('fund_app_error_step');
		await ctx.db.update(fundingApplication).set({ status: 'withdrawn', updatedAt: new Date() }).where(eq(fundingApplication.id, application.id));
		await logStep(ctx, application.id, application.status, 'withdrawn', input.reason);
		return { id: application.id, status: 'withdrawn' as const };
	},
	audit: (input, out) => ({
		action: 'update',
		entity: 'funding_application',
		entityId: out.id,
		reason: input.reason,
		details: { status: out.status }
	})
});
