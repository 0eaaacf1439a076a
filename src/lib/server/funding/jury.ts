import { and, eq, isNotNull } from 'drizzle-orm';
import { ConflictError, defineVerb, InvalidError, NotFoundError, type Ctx } from '../core/index.ts';
import { inScope, loadActor, permission } from '../access/index.ts';
import type { ApplicationStatus } from '../../funding/types.ts';
import { fundingApplication, fundingCall, fundingConflict, fundingEditor, fundingJuror, fundingReview, fundingScore } from './schema.ts';
import { declareConflictInput, jurorInput, scoreInput, scoreProblems } from './review-validation.ts';

// The jury: who sits on a call (one table, funding_juror: a juror reviews every application of the
// call the officer lets through, less their conflicts), conflicts of interest and scores. A juror
// sees an application only on a call they sit on, once it is eligible, and never one they declared a
// conflict on or apply with themselves (owner or co-editor): to them it does not exist (404).

/** The statuses a juror sees: from eligible on, the decided ones too; never a draft or an ineligible one. */
export const JURY_STATUSES: readonly ApplicationStatus[] = ['eligible', 'in_review', 'granted', 'rejected'];

type CallRow = typeof fundingCall.$inferSelect;
type ApplicationRow = typeof fundingApplication.$inferSelect;

/** The call the officer manages the jury of (404 outside their organisation). */
async function officerCall(ctx: Ctx, callId: string): Promise<CallRow> {
	const [row] = await ctx.db.select().from(fundingCall).where(eq(fundingCall.id, callId));
	inScope(ctx.actor, 'funding.application.review', row ? { organisationId: row.organisationId, areaId: null } : undefined);
	return row!;
}

export const assignJuror = defineVerb({
	name: 'funding.jury.assign',
	summary: "Put an account holding the jury role in the call's organisation on the call's jury",
	permission: permission('funding.application.review'),
	input: jurorInput,
	writes: true,
	access: (ctx, { callId }) => officerCall(ctx, callId),
	run: async (ctx, input, call) => {
		const juror = await loadActor(ctx.db, input.userId);
		if (!juror?.grants.some((g) => g.role === 'jury' && g.organisationId === call.organisationId))
			throw new InvalidError({ userId: 'fund_review_error_not_jury' });
		await ctx.db.insert(fundingJuror).values({ callId: call.id, userId: input.userId, assignedByUserId: ctx.actor.userId }).onConflictDoNothing();
		return { callId: call.id, userId: input.userId };
	},
	audit: (_input, out) => ({ action: 'create', entity: 'funding_juror', entityId: out.callId, details: { userId: out.userId } })
});

export const unassignJuror = defineVerb({
	name: 'funding.jury.unassign',
	summary: "Take a juror off the call's jury: they no longer see it, and their reviews no longer count",
	permission: permission('funding.application.review'),
	input: jurorInput,
	writes: true,
	access: (ctx, { callId }) => officerCall(ctx, callId),
	run: async (ctx, input, call) => {
		const gone = await ctx.db
			.delete(fundingJuror)
			.where(and(eq(fundingJuror.callId, call.id), eq(fundingJuror.userId, input.userId)))
			.returning({ userId: fundingJuror.userId });
		if (!gone.length) throw new NotFoundError();
		return { callId: call.id, userId: input.userId };
	},
	audit: (_input, out) => ({ action: 'delete', entity: 'funding_juror', entityId: out.callId, details: { userId: out.userId } })
});

/**
 * The application as the juror may see it, with its call: they sit on the call, it is in a status
 * the jury sees, they declared no conflict on it and it is not their own. Anything else: 404.
 */
export async function jurorApplication(ctx: Ctx, applicationId: string, lock = false): Promise<{ app: ApplicationRow; call: CallRow }> {
	const userId = ctx.actor.userId!;
	const q = ctx.db
		.select({ app: fundingApplication, call: fundingCall })
		.from(fundingApplication)
		.innerJoin(fundingCall, eq(fundingCall.id, fundingApplication.callId))
		.innerJoin(fundingJuror, and(eq(fundingJuror.callId, fundingCall.id), eq(fundingJuror.userId, userId)))
		.where(eq(fundingApplication.id, applicationId));
	const [row] = lock ? await q.for('update', { of: fundingApplication }) : await q;
	if (!row || !JURY_STATUSES.includes(row.app.status) || row.app.ownerUserId === userId) throw new NotFoundError();
	const [conflict] = await ctx.db
		.select({ userId: fundingConflict.userId })
		.from(fundingConflict)
		.where(and(eq(fundingConflict.applicationId, applicationId), eq(fundingConflict.userId, userId)));
	const [editor] = await ctx.db
		.select({ id: fundingEditor.id })
		.from(fundingEditor)
		.where(and(eq(fundingEditor.applicationId, applicationId), eq(fundingEditor.userId, userId), isNotNull(fundingEditor.acceptedAt)));
	if (conflict || editor) throw new NotFoundError();
	return row;
}

export const declareConflict = defineVerb({
	name: 'funding.jury.declare_conflict',
	summary: 'A juror declares a conflict of interest on an application: it is hidden from them and their scores never count (final)',
	permission: permission('funding.jury.score'),
	input: declareConflictInput,
	writes: true,
	access: (ctx, { applicationId }) => jurorApplication(ctx, applicationId, true),
	run: async (ctx, input, { app }) => {
		await ctx.db.insert(fundingConflict).values({ applicationId: app.id, userId: ctx.actor.userId!, reason: input.reason });
		return { applicationId: app.id };
	},
	audit: (input, out) => ({ action: 'create', entity: 'funding_conflict', entityId: out.applicationId, reason: input.reason })
});

export const scoreApplication = defineVerb({
	name: 'funding.jury.score',
	summary: "A juror's scores on an application in review, each criterion on the call's scale with a comment; final only with a motivation",
	permission: permission('funding.jury.score'),
	input: scoreInput,
	writes: true,
	access: (ctx, { applicationId }) => jurorApplication(ctx, applicationId, true),
	run: async (ctx, input, { app, call }) => {
		if (app.status !== 'in_review') throw new ConflictError('fund_jury_error_closed');
		const userId = ctx.actor.userId!;
		const mine = and(eq(fundingReview.applicationId, app.id), eq(fundingReview.userId, userId));
		const [existing] = await ctx.db.select().from(fundingReview).where(mine).for('update');
		// Once final, only the officer reopens it (reopenReview).
		if (existing?.finalAt) throw new ConflictError('fund_jury_error_final');
		const problems = scoreProblems(call.rules, input.scores, input.final, input.motivation);
		if (Object.keys(problems).length) throw new InvalidError(problems);
		const values = { motivation: input.motivation || null, finalAt: input.final ? new Date() : null, updatedAt: new Date() };
		if (existing) await ctx.db.update(fundingReview).set(values).where(mine);
		else await ctx.db.insert(fundingReview).values({ applicationId: app.id, userId, ...values });
		// The juror's scores are saved whole: what the form or the request leaves out is not kept.
		await ctx.db.delete(fundingScore).where(and(eq(fundingScore.applicationId, app.id), eq(fundingScore.userId, userId)));
		if (input.scores.length)
			await ctx.db
				.insert(fundingScore)
				.values(input.scores.map((s) => ({ applicationId: app.id, userId, criterion: s.criterion, score: s.score, comment: s.comment })));
		return { applicationId: app.id, final: input.final };
	},
	audit: (input, out) => ({
		action: 'update',
		entity: 'funding_review',
		entityId: out.applicationId,
		details: { final: out.final, criteria: input.scores.length }
	})
});
