import { and, eq, isNull, ne } from 'drizzle-orm';
import { ConflictError, defineVerb, InvalidError, type Ctx } from '../core/index.ts';
import { permission } from '../access/index.ts';
import { blankApplication } from '../../funding/blank.ts';
import { allPass, applicationTotals, checkApplication } from '../../funding/rules.ts';
import type { ApplicationStatus } from '../../funding/types.ts';
import { fundingApplication, fundingApplicationEvent, fundingCall } from './schema.ts';
import { createApplicationInput, updateApplicationInput, validateApplicationInput } from './application-validation.ts';
import { applicationFor } from './application-access.ts';
import { visibleCall } from './call-read.ts';
import { EDITABLE } from './status.ts';

// An application's drafting: started blank on a published, open call by a signed-in applicant, saved
// whole with optimistic locking (a draft may break the call's rules: the engine tells which), and
// checked without saving (validateApplication: the same engine the submit uses, on the server's clock).

/** A status step's log row (who, when, from, to, why): written with every step, creation included. */
export async function logStep(ctx: Ctx, applicationId: string, from: ApplicationStatus | null, to: ApplicationStatus, reason: string | null) {
	await ctx.db.insert(fundingApplicationEvent).values({ applicationId, fromStatus: from, toStatus: to, actorUserId: ctx.actor.userId, reason });
}

const isOpenNow = (call: typeof fundingCall.$inferSelect, now: number) =>
	call.status === 'published' && call.opensAt.getTime() <= now && call.closesAt.getTime() > now;

export const createApplication = defineVerb({
	name: 'funding.application.create',
	summary: 'Start a draft application on a published, open call, as a neighbourhood group, an association or a city team',
	permission: permission('funding.own.write'),
	input: createApplicationInput,
	writes: true,
	access: async (ctx, input) => {
		const { call } = await visibleCall(ctx, input.callId);
		// Locked: two starts by the same applicant at once cannot both pass the one-per-applicant check.
		await ctx.db.select({ id: fundingCall.id }).from(fundingCall).where(eq(fundingCall.id, call.id)).for('update');
		const orgId = input.applicantOrganisationId ?? null;
		// Applying in an organisation's name needs a role in it: nobody applies for an organisation they are not part of.
		if (orgId && !ctx.actor.grants.some((g) => g.organisationId === orgId))
			throw new InvalidError({ applicantOrganisationId: 'fund_app_error_organisation' });
		return call;
	},
	run: async (ctx, input, call) => {
		if (!isOpenNow(call, Date.now())) throw new InvalidError({ callId: 'fund_app_error_call_closed' });
		if (!call.rules.applicantKinds.includes(input.applicantKind)) throw new InvalidError({ applicantKind: 'fund_app_error_kind' });
		const orgId = input.applicantOrganisationId ?? null;
		if (call.rules.onePerApplicant) {
			const mine = orgId
				? eq(fundingApplication.applicantOrganisationId, orgId)
				: and(isNull(fundingApplication.applicantOrganisationId), eq(fundingApplication.ownerUserId, ctx.actor.userId!));
			const [existing] = await ctx.db
				.select({ id: fundingApplication.id })
				.from(fundingApplication)
				.where(and(eq(fundingApplication.callId, call.id), ne(fundingApplication.status, 'withdrawn'), mine))
				.limit(1);
			if (existing) throw new ConflictError('fund_app_error_one_per_applicant');
		}
		const [row] = await ctx.db
			.insert(fundingApplication)
			.values({
				callId: call.id,
				organisationId: call.organisationId,
				applicantKind: input.applicantKind,
				applicantName: input.applicantName,
				applicantOrganisationId: orgId,
				ownerUserId: ctx.actor.userId!,
				locale: ctx.actor.locale ?? 'nl',
				body: blankApplication(call.rules)
			})
			.returning({ id: fundingApplication.id, version: fundingApplication.version });
		await logStep(ctx, row!.id, null, 'draft', null);
		return { id: row!.id, version: row!.version };
	},
	audit: (input, out) => ({ action: 'create', entity: 'funding_application', entityId: out.id, details: { callId: input.callId } })
});

export const updateApplication = defineVerb({
	name: 'funding.application.update',
	summary: "Save an application's body whole (a draft may still break the call's rules); names the version it read (a stale one is refused with 409)",
	permission: permission('funding.own.write'),
	input: updateApplicationInput,
	writes: true,
	access: (ctx, { id }) => applicationFor(ctx, id, 'edit'),
	run: async (ctx, input, { application, call }) => {
		if (!EDITABLE.has(application.status)) throw new ConflictError('fund_app_error_not_editable');
		// A co-editor or another tab saved since this editor read it: nothing is overwritten.
		if (input.version !== application.version) throw new ConflictError('fund_app_error_stale');
		const [row] = await ctx.db
			.update(fundingApplication)
			.set({
				body: input.body,
				requestedCents: applicationTotals(call.rules, input.body).grantCents,
				version: application.version + 1,
				updatedAt: new Date()
			})
			.where(eq(fundingApplication.id, application.id))
			.returning({ version: fundingApplication.version });
		return { id: application.id, version: row!.version };
	},
	audit: (_input, out) => ({ action: 'update', entity: 'funding_application', entityId: out.id, details: { version: out.version } })
});

export const validateApplication = defineVerb({
	name: 'funding.application.validate',
	summary: "Check a whole application body against a call's rules on the server's clock, without saving anything",
	permission: permission('funding.own.read'),
	input: validateApplicationInput,
	writes: false,
	access: async (ctx, { callId }) => (await visibleCall(ctx, callId)).call,
	run: async (_ctx, input, call) => {
		const results = checkApplication(call.rules, input.body, { now: new Date(), applicantKind: input.applicantKind });
		return { results, pass: allPass(results), totals: applicationTotals(call.rules, input.body) };
	}
});
