import { and, eq } from 'drizzle-orm';
import { ConflictError, defineVerb, InvalidError, NotFoundError, todayInBelgium, type Ctx } from '../core/index.ts';
import { inScope, permission, type ScopedPermission } from '../access/index.ts';
import { authUser, mailOrigin } from '../auth/index.ts';
import { addToOutbox, announceMail } from '../mail/index.ts';
import { fundingApplication, fundingCall, fundingReview } from './schema.ts';
import { stepApplication } from './step.ts';
import { openProject } from './projects.ts';
import { decisionMail, questionMail } from './review-mail.ts';
import { applicationIdInput, askInformationInput, checkEligibilityInput, decideInput, reopenReviewInput } from './review-validation.ts';

// The officer's side of the review: eligibility, opening the review, asking the applicant for more,
// reopening a juror's final review, the decision. An application lives in the funder's organisation
// (its call's): another funder's officer is answered as if it did not exist (404).

type ApplicationRow = typeof fundingApplication.$inferSelect;

/** The application, locked for a step, if the officer's grant for `name` covers its funder; else 404. */
export async function officerApplication(ctx: Ctx, id: string, name: ScopedPermission, lock = true): Promise<ApplicationRow> {
	const q = ctx.db.select().from(fundingApplication).where(eq(fundingApplication.id, id));
	const [row] = lock ? await q.for('update') : await q;
	// A draft is the applicant's alone: the funder sees an application once it is submitted.
	if (!row || row.status === 'draft') throw new NotFoundError();
	inScope(ctx.actor, name, { organisationId: row.organisationId, areaId: null });
	return row;
}

/** Who the applicant's mails go to, and what they name. */
async function addressOf(ctx: Ctx, app: ApplicationRow) {
	const [row] = await ctx.db
		.select({ email: authUser.email, call: fundingCall.title })
		.from(authUser)
		.innerJoin(fundingCall, eq(fundingCall.id, app.callId))
		.where(eq(authUser.id, app.ownerUserId));
	return { to: row!.email, call: row!.call, locale: app.locale, title: app.body.title || app.applicantName, link: `${mailOrigin()}/apply/${app.id}` };
}

const review = permission('funding.application.review');

export const checkEligibility = defineVerb({
	name: 'funding.application.check_eligibility',
	summary: 'Declare a submitted application eligible or ineligible (ineligible needs a reason)',
	permission: review,
	input: checkEligibilityInput,
	writes: true,
	access: (ctx, { id }) => officerApplication(ctx, id, 'funding.application.review'),
	run: async (ctx, input, app) => {
		const to = input.eligible ? 'eligible' : 'ineligible';
		await stepApplication(ctx, app, to, input.reason);
		return { id: app.id, status: to };
	},
	audit: (input, out) => ({
		action: 'update',
		entity: 'funding_application',
		entityId: out.id,
		reason: input.reason || null,
		details: { status: out.status }
	})
});

export const startReview = defineVerb({
	name: 'funding.application.start_review',
	summary: 'Open the jury review of an eligible application',
	permission: review,
	input: applicationIdInput,
	writes: true,
	access: (ctx, { id }) => officerApplication(ctx, id, 'funding.application.review'),
	run: async (ctx, _input, app) => {
		// Back from "awaiting information" is the applicant's answer (their resubmit), not the officer's step.
		if (app.status !== 'eligible') throw new ConflictError('fund_review_error_step');
		await stepApplication(ctx, app, 'in_review', null);
		return { id: app.id, status: 'in_review' as const };
	},
	audit: (_input, out) => ({ action: 'update', entity: 'funding_application', entityId: out.id, details: { status: out.status } })
});

export const askInformation = defineVerb({
	name: 'funding.application.ask_information',
	summary: 'Ask the applicant for more information: the application reopens for them, and they are told by e-mail in their language',
	permission: review,
	input: askInformationInput,
	writes: true,
	access: (ctx, { id }) => officerApplication(ctx, id, 'funding.application.review'),
	run: async (ctx, input, app) => {
		await stepApplication(ctx, app, 'awaiting_information', input.question);
		await ctx.db.update(fundingApplication).set({ reopenedAt: new Date() }).where(eq(fundingApplication.id, app.id));
		const mailId = await addToOutbox(ctx.db, questionMail({ ...(await addressOf(ctx, app)), question: input.question }));
		return { id: app.id, status: 'awaiting_information' as const, mailId };
	},
	audit: (input, out) => ({
		action: 'update',
		entity: 'funding_application',
		entityId: out.id,
		reason: input.question,
		details: { status: out.status }
	}),
	after: (ctx, { mailId }) => announceMail(ctx.db, [mailId])
});

export const reopenReview = defineVerb({
	name: 'funding.review.reopen',
	summary: "Reopen a juror's final review so they can change it (only the officer can)",
	permission: review,
	input: reopenReviewInput,
	writes: true,
	access: (ctx, { applicationId }) => officerApplication(ctx, applicationId, 'funding.application.review'),
	run: async (ctx, input, app) => {
		const [row] = await ctx.db
			.select()
			.from(fundingReview)
			.where(and(eq(fundingReview.applicationId, app.id), eq(fundingReview.userId, input.userId)))
			.for('update');
		if (!row) throw new NotFoundError();
		if (!row.finalAt) throw new ConflictError();
		if (app.status !== 'in_review') throw new ConflictError('fund_review_error_step');
		await ctx.db
			.update(fundingReview)
			.set({ finalAt: null, reopenedAt: new Date(), reopenedByUserId: ctx.actor.userId, updatedAt: new Date() })
			.where(and(eq(fundingReview.applicationId, app.id), eq(fundingReview.userId, input.userId)));
		return { applicationId: app.id, userId: input.userId };
	},
	audit: (_input, out) => ({ action: 'update', entity: 'funding_review', entityId: out.applicationId, details: { reopened: out.userId } })
});

export const decideApplication = defineVerb({
	name: 'funding.application.decide',
	summary: 'Grant (an amount up to the grant asked) or reject (with a reason) an application in review; the applicant is told by e-mail',
	permission: review,
	input: decideInput,
	writes: true,
	access: (ctx, { id }) => officerApplication(ctx, id, 'funding.application.review'),
	run: async (ctx, input, app) => {
		const granted = input.decision === 'granted';
		if (granted && input.grantedCents! > app.requestedCents) throw new InvalidError({ grantedCents: 'fund_decision_error_over_request' });
		await stepApplication(ctx, app, input.decision, input.reason);
		const grantedCents = granted ? input.grantedCents! : null;
		await ctx.db
			.update(fundingApplication)
			.set({ grantedCents, decisionReason: input.reason || null, decidedAt: new Date(), decidedByUserId: ctx.actor.userId })
			.where(eq(fundingApplication.id, app.id));
		// A grant becomes a project at once, in this transaction: its budget version 1 is the version the
		// jury scored. It starts today, or on the call's realisation phase when that lies ahead.
		if (granted) {
			const [call] = await ctx.db.select({ rules: fundingCall.rules }).from(fundingCall).where(eq(fundingCall.id, app.callId));
			const today = todayInBelgium();
			const realisation = call?.rules.phases.at(-1)?.startsOn;
			await openProject(
				ctx,
				{ id: app.id, organisationId: app.organisationId },
				grantedCents!,
				realisation && realisation > today ? realisation : today
			);
		}
		const mail = decisionMail({ ...(await addressOf(ctx, app)), granted, grantedCents, reason: input.reason });
		return { id: app.id, status: input.decision, grantedCents, mailId: await addToOutbox(ctx.db, mail) };
	},
	audit: (input, out) => ({
		action: 'update',
		entity: 'funding_application',
		entityId: out.id,
		reason: input.reason || null,
		details: { status: out.status, grantedCents: out.grantedCents }
	}),
	after: (ctx, { mailId }) => announceMail(ctx.db, [mailId])
});
