import { and, asc, desc, eq, inArray, notExists, sql } from 'drizzle-orm';
import { defineVerb, NotFoundError } from '../core/index.ts';
import { permission } from '../access/index.ts';
import { peopleOrganisation } from '../people/index.ts';
import type { ApplicantKind, ApplicationBody, ApplicationStatus, CallRules, CallStatus } from '../../funding/types.ts';
import {
	fundingApplication,
	fundingApplicationVersion,
	fundingCall,
	fundingConflict,
	fundingEditor,
	fundingJuror,
	fundingReview,
	fundingScore
} from './schema.ts';
import { JURY_STATUSES, jurorApplication } from './jury.ts';
import { applicationIdInput, callBoardInput } from './review-validation.ts';

// What a juror reads: the calls they sit on, the applications of such a call they may see, and one
// application's frozen text with their own scores. Never the applicant's contact data: no owner
// account, no e-mail address — the jury judges the project, not the person.

export type JuryCall = { id: string; title: string; status: CallStatus; closesAt: Date; organisationName: string };

export const listJuryCalls = defineVerb({
	name: 'funding.jury.calls',
	summary: 'The calls the signed-in juror sits on',
	permission: permission('funding.jury.read'),
	input: callBoardInput.partial().default({}),
	writes: false,
	access: (ctx) => ({ userId: ctx.actor.userId! }),
	run: async (ctx, _input, { userId }): Promise<JuryCall[]> =>
		ctx.db
			.select({
				id: fundingCall.id,
				title: fundingCall.title,
				status: fundingCall.status,
				closesAt: fundingCall.closesAt,
				organisationName: peopleOrganisation.name
			})
			.from(fundingJuror)
			.innerJoin(fundingCall, eq(fundingCall.id, fundingJuror.callId))
			.innerJoin(peopleOrganisation, eq(peopleOrganisation.id, fundingCall.organisationId))
			.where(eq(fundingJuror.userId, userId))
			.orderBy(desc(fundingCall.closesAt))
});

export type JuryApplicationItem = {
	id: string;
	title: string;
	applicantName: string;
	status: ApplicationStatus;
	requestedCents: number;
	/** The juror's own review: none yet, saved, or final. */
	review: 'none' | 'draft' | 'final';
};

export const listJuryApplications = defineVerb({
	name: 'funding.jury.applications',
	summary: 'The applications of a call the juror sits on that they may see (eligible and on, less conflicts and their own)',
	permission: permission('funding.jury.read'),
	input: callBoardInput,
	writes: false,
	access: async (ctx, { callId }) => {
		const [row] = await ctx.db
			.select({ call: fundingCall })
			.from(fundingJuror)
			.innerJoin(fundingCall, eq(fundingCall.id, fundingJuror.callId))
			.where(and(eq(fundingJuror.callId, callId), eq(fundingJuror.userId, ctx.actor.userId!)));
		if (!row) throw new NotFoundError();
		return { call: row.call, userId: ctx.actor.userId! };
	},
	run: async (ctx, _input, { call, userId }) => {
		const rows = await ctx.db
			.select({
				id: fundingApplication.id,
				body: fundingApplication.body,
				applicantName: fundingApplication.applicantName,
				status: fundingApplication.status,
				requestedCents: fundingApplication.requestedCents,
				finalAt: fundingReview.finalAt,
				reviewed: fundingReview.userId
			})
			.from(fundingApplication)
			.leftJoin(fundingReview, and(eq(fundingReview.applicationId, fundingApplication.id), eq(fundingReview.userId, userId)))
			.where(
				and(
					eq(fundingApplication.callId, call.id),
					inArray(fundingApplication.status, [...JURY_STATUSES]),
					sql`${fundingApplication.ownerUserId} <> ${userId}`,
					notExists(
						ctx.db
							.select({ one: sql`1` })
							.from(fundingConflict)
							.where(and(eq(fundingConflict.applicationId, fundingApplication.id), eq(fundingConflict.userId, userId)))
					),
					notExists(
						ctx.db
							.select({ one: sql`1` })
							.from(fundingEditor)
							.where(and(eq(fundingEditor.applicationId, fundingApplication.id), eq(fundingEditor.userId, userId)))
					)
				)
			)
			.orderBy(asc(fundingApplication.applicantName));
		const items: JuryApplicationItem[] = rows.map((r) => ({
			id: r.id,
			title: r.body.title,
			applicantName: r.applicantName,
			status: r.status,
			requestedCents: r.requestedCents,
			review: r.finalAt ? 'final' : r.reviewed ? 'draft' : 'none'
		}));
		return { call: { id: call.id, title: call.title, criteria: call.rules.criteria }, items };
	}
});

export type JuryApplication = {
	id: string;
	callId: string;
	callTitle: string;
	applicantKind: ApplicantKind;
	applicantName: string;
	status: ApplicationStatus;
	requestedCents: number;
	/** The frozen version in force (the latest submitted one). */
	version: number;
	body: ApplicationBody;
	/** The call's rules: its criteria and scale are what the juror scores on. */
	rules: CallRules;
	review: { motivation: string; final: boolean; reopened: boolean; scores: { criterion: string; score: number; comment: string }[] };
	/** Scores may be given now (the application is in review and the review is not final). */
	scorable: boolean;
};

export const getJuryApplication = defineVerb({
	name: 'funding.jury.application',
	summary: "One application as the jury reads it: its frozen text, the call's criteria and the juror's own scores; no contact data",
	permission: permission('funding.jury.read'),
	input: applicationIdInput,
	writes: false,
	access: (ctx, { id }) => jurorApplication(ctx, id),
	run: async (ctx, _input, { app, call }): Promise<JuryApplication> => {
		const userId = ctx.actor.userId!;
		const [frozen] = await ctx.db
			.select()
			.from(fundingApplicationVersion)
			.where(eq(fundingApplicationVersion.applicationId, app.id))
			.orderBy(desc(fundingApplicationVersion.version))
			.limit(1);
		const [review] = await ctx.db
			.select()
			.from(fundingReview)
			.where(and(eq(fundingReview.applicationId, app.id), eq(fundingReview.userId, userId)));
		const scores = await ctx.db
			.select({ criterion: fundingScore.criterion, score: fundingScore.score, comment: fundingScore.comment })
			.from(fundingScore)
			.where(and(eq(fundingScore.applicationId, app.id), eq(fundingScore.userId, userId)));
		const final = Boolean(review?.finalAt);
		return {
			id: app.id,
			callId: call.id,
			callTitle: call.title,
			applicantKind: app.applicantKind,
			applicantName: app.applicantName,
			status: app.status,
			requestedCents: app.requestedCents,
			version: frozen?.version ?? app.version,
			body: frozen?.body ?? app.body,
			rules: call.rules,
			review: { motivation: review?.motivation ?? '', final, reopened: Boolean(review?.reopenedAt) && !final, scores },
			scorable: app.status === 'in_review' && !final
		};
	}
});
