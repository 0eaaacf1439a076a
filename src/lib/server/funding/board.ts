import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { defineVerb } from '../core/index.ts';
import { accessRoleGrant, inScope, permission } from '../access/index.ts';
import { authUser } from '../auth/index.ts';
import { peoplePerson } from '../people/index.ts';
import { rankApplications, scoreValue, type Fraction } from '../../funding/ranking.ts';
import type { ApplicationStatus, CallRules } from '../../funding/types.ts';
import { APPLICANT_STEPS, applicationMachine } from './status.ts';
import { fundingApplication, fundingApplicationEvent, fundingCall, fundingConflict, fundingJuror, fundingReview, fundingScore } from './schema.ts';
import { officerApplication } from './review.ts';
import { applicationIdInput, callBoardInput } from './review-validation.ts';

// The officer's reads of the review: the board of a call (every application, each juror's scores side
// by side, the weighted ranking, the spread flags, the conflicts) and one application's file with its
// history. Reviews count only from the call's current jurors, final, and without a conflict.

type Person = { userId: string; name: string };

export type BoardReview = {
	userId: string;
	final: boolean;
	conflicted: boolean;
	motivation: string | null;
	scores: Record<string, number>;
	comments: Record<string, string>;
};

export type BoardApplication = {
	id: string;
	title: string;
	applicantName: string;
	status: ApplicationStatus;
	requestedCents: number;
	grantedCents: number | null;
	reviews: BoardReview[];
	conflicts: (Person & { reason: string })[];
	score: Fraction | null;
	/** The score rounded to one decimal, for display only (ranks use the exact fraction). */
	shown: number | null;
	jurors: number;
	rank: number | null;
	tied: boolean;
	spread: Record<string, number | null>;
	flagged: string[];
};

export type ReviewBoard = {
	call: { id: string; title: string; rules: CallRules };
	jurors: Person[];
	/** Jury-role holders of the call's organisation not on this call yet (the officer's choice to assign). */
	candidates: Person[];
	/** Ranked first (best on top), then the unscored. */
	applications: BoardApplication[];
};

export const getReviewBoard = defineVerb({
	name: 'funding.review.board',
	summary: "A call's review board: every submitted application, each juror's scores side by side, the weighted ranking, spread flags and conflicts",
	permission: permission('funding.application.read'),
	input: callBoardInput,
	writes: false,
	access: async (ctx, { callId }) => {
		const [row] = await ctx.db.select().from(fundingCall).where(eq(fundingCall.id, callId));
		inScope(ctx.actor, 'funding.application.read', row ? { organisationId: row.organisationId, areaId: null } : undefined);
		return row!;
	},
	run: async (ctx, _input, call): Promise<ReviewBoard> => {
		const jurors = await ctx.db
			.select({ userId: fundingJuror.userId, name: authUser.name })
			.from(fundingJuror)
			.innerJoin(authUser, eq(authUser.id, fundingJuror.userId))
			.where(eq(fundingJuror.callId, call.id))
			.orderBy(asc(authUser.name));
		const holders = await ctx.db
			.selectDistinct({ userId: authUser.id, name: authUser.name })
			.from(accessRoleGrant)
			.innerJoin(peoplePerson, eq(peoplePerson.id, accessRoleGrant.personId))
			.innerJoin(authUser, eq(authUser.id, peoplePerson.userId))
			.where(and(eq(accessRoleGrant.role, 'jury'), eq(accessRoleGrant.organisationId, call.organisationId)))
			.orderBy(asc(authUser.name));
		const onCall = new Set(jurors.map((j) => j.userId));
		const apps = await ctx.db
			.select()
			.from(fundingApplication)
			.where(and(eq(fundingApplication.callId, call.id), ne(fundingApplication.status, 'draft')))
			.orderBy(asc(fundingApplication.applicantName));
		const ids = apps.map((a) => a.id);
		const [reviews, scores, conflicts] = ids.length
			? await Promise.all([
					ctx.db.select().from(fundingReview).where(inArray(fundingReview.applicationId, ids)),
					ctx.db.select().from(fundingScore).where(inArray(fundingScore.applicationId, ids)),
					ctx.db
						.select({
							applicationId: fundingConflict.applicationId,
							userId: fundingConflict.userId,
							reason: fundingConflict.reason,
							name: authUser.name
						})
						.from(fundingConflict)
						.innerJoin(authUser, eq(authUser.id, fundingConflict.userId))
						.where(inArray(fundingConflict.applicationId, ids))
				])
			: [[], [], []];
		const reviewsOf = (applicationId: string): BoardReview[] => {
			const conflicted = new Set(conflicts.filter((c) => c.applicationId === applicationId).map((c) => c.userId));
			return (
				reviews
					.filter((r) => r.applicationId === applicationId && onCall.has(r.userId))
					.map((r) => {
						const mine = scores.filter((s) => s.applicationId === applicationId && s.userId === r.userId);
						return {
							userId: r.userId,
							final: r.finalAt !== null,
							conflicted: conflicted.has(r.userId),
							motivation: r.motivation,
							scores: Object.fromEntries(mine.map((s) => [s.criterion, s.score])),
							comments: Object.fromEntries(mine.map((s) => [s.criterion, s.comment]))
						};
					})
					// A conflicted juror's scores never count and are not shown beside the others.
					.filter((r) => !r.conflicted)
			);
		};
		const withReviews = apps.map((a) => ({ app: a, reviews: reviewsOf(a.id) }));
		const ranked = rankApplications(
			call.rules,
			withReviews.map((w) => ({ applicationId: w.app.id, reviews: w.reviews }))
		);
		const byId = new Map(withReviews.map((w) => [w.app.id, w]));
		return {
			call: { id: call.id, title: call.title, rules: call.rules },
			jurors,
			candidates: holders.filter((h) => !onCall.has(h.userId)),
			applications: ranked.map((r) => {
				const { app, reviews: rs } = byId.get(r.applicationId)!;
				return {
					...r,
					id: app.id,
					title: app.body.title,
					applicantName: app.applicantName,
					status: app.status,
					requestedCents: app.requestedCents,
					grantedCents: app.grantedCents,
					reviews: rs,
					conflicts: conflicts.filter((c) => c.applicationId === app.id).map(({ userId, name, reason }) => ({ userId, name, reason })),
					shown: r.score ? scoreValue(r.score) : null
				};
			})
		};
	}
});

export type ReviewEvent = { from: ApplicationStatus | null; to: ApplicationStatus; at: Date; reason: string | null; actorName: string | null };

export type ReviewApplication = {
	id: string;
	callId: string;
	callTitle: string;
	title: string;
	summary: string;
	/** The call's sections with the applicant's text, as the jury reads them. */
	sections: { key: string; title: string; text: string }[];
	applicantName: string;
	status: ApplicationStatus;
	requestedCents: number;
	grantedCents: number | null;
	decisionReason: string | null;
	decidedAt: Date | null;
	submittedAt: Date | null;
	/** The steps the officer may take now (the machine's, less the applicant's: withdrawing, answering a question). */
	nextSteps: ApplicationStatus[];
	history: ReviewEvent[];
	/** Final reviews the officer may reopen. */
	finalReviews: Person[];
};

export const getReviewApplication = defineVerb({
	name: 'funding.review.application',
	summary: 'One application as the officer reviews it: its status, the steps open to them, its decision and its history',
	permission: permission('funding.application.read'),
	input: applicationIdInput,
	writes: false,
	access: (ctx, { id }) => officerApplication(ctx, id, 'funding.application.read', false),
	run: async (ctx, _input, app): Promise<ReviewApplication> => {
		const [call] = await ctx.db
			.select({ title: fundingCall.title, rules: fundingCall.rules })
			.from(fundingCall)
			.where(eq(fundingCall.id, app.callId));
		const history = await ctx.db
			.select({
				from: fundingApplicationEvent.fromStatus,
				to: fundingApplicationEvent.toStatus,
				at: fundingApplicationEvent.at,
				reason: fundingApplicationEvent.reason,
				actorName: authUser.name
			})
			.from(fundingApplicationEvent)
			.leftJoin(authUser, eq(authUser.id, fundingApplicationEvent.actorUserId))
			.where(eq(fundingApplicationEvent.applicationId, app.id))
			.orderBy(asc(fundingApplicationEvent.at));
		const finalReviews = await ctx.db
			.select({ userId: fundingReview.userId, name: authUser.name, finalAt: fundingReview.finalAt })
			.from(fundingReview)
			.innerJoin(authUser, eq(authUser.id, fundingReview.userId))
			.where(eq(fundingReview.applicationId, app.id));
		return {
			id: app.id,
			callId: app.callId,
			callTitle: call!.title,
			title: app.body.title,
			summary: app.body.summary,
			sections: call!.rules.sections.map((x) => ({ key: x.key, title: x.title, text: app.body.sections[x.key] ?? '' })),
			applicantName: app.applicantName,
			status: app.status,
			requestedCents: app.requestedCents,
			grantedCents: app.grantedCents,
			decisionReason: app.decisionReason,
			decidedAt: app.decidedAt,
			submittedAt: app.submittedAt,
			nextSteps: applicationMachine
				.nextSteps(app.status)
				.filter((s) => !APPLICANT_STEPS.has(s) && !(app.status === 'awaiting_information' && s === 'in_review')),
			history,
			finalReviews: finalReviews.filter((r) => r.finalAt).map(({ userId, name }) => ({ userId, name }))
		};
	}
});
