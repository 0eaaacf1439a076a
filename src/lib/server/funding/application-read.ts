import { z } from 'zod';
import { and, asc, desc, eq, isNotNull, or, inArray } from 'drizzle-orm';
import { defineVerb, NotFoundError } from '../core/index.ts';
import { permission } from '../access/index.ts';
import { applicationTotals, checkApplication, type Totals } from '../../funding/rules.ts';
import type { ApplicantKind, ApplicationBody, ApplicationStatus, CallRules, CallStatus, RuleResult } from '../../funding/types.ts';
import { fundingApplication, fundingApplicationEvent, fundingApplicationVersion, fundingCall, fundingEditor } from './schema.ts';
import { applicationIdInput, applicationVersionInput } from './application-validation.ts';
import { applicationFor } from './application-access.ts';
import { EDITABLE } from './status.ts';
import { submitBlockers } from './submit.ts';

// Reading applications, through the one access rule (application-access.ts): the owner and accepted
// co-editors, and the officers of the call's organisation; to anyone else an application is unknown.

export type ApplicationView = {
	id: string;
	callId: string;
	callTitle: string;
	callStatus: CallStatus;
	closesAt: Date;
	rules: CallRules;
	status: ApplicationStatus;
	version: number;
	body: ApplicationBody;
	applicantKind: ApplicantKind;
	applicantName: string;
	applicantOrganisationId: string | null;
	isOwner: boolean;
	/** The status lets the applicant edit, and the actor is its owner or a co-editor. */
	editable: boolean;
	/** Editable, and every rule that must hold for a submission holds now. */
	submittable: boolean;
	/** Every rule of the call on the saved body, on the server's clock. */
	results: RuleResult[];
	totals: Totals;
	submittedAt: Date | null;
	versions: { version: number; submittedAt: Date }[];
	events: { fromStatus: ApplicationStatus | null; toStatus: ApplicationStatus; at: Date; reason: string | null }[];
	decision: { grantedCents: number | null; reason: string | null; decidedAt: Date } | null;
};

export const getApplication = defineVerb({
	name: 'funding.application.get',
	summary: 'An application with its rule results, totals, frozen versions, status steps and decision (its applicants and the call’s officers)',
	permission: permission('funding.own.read'),
	input: applicationIdInput,
	writes: false,
	access: (ctx, { id }) => applicationFor(ctx, id, 'read'),
	run: async (ctx, _input, { application: a, call, isOwner, isEditor }): Promise<ApplicationView> => {
		const [versions, events] = await Promise.all([
			ctx.db
				.select({ version: fundingApplicationVersion.version, submittedAt: fundingApplicationVersion.submittedAt })
				.from(fundingApplicationVersion)
				.where(eq(fundingApplicationVersion.applicationId, a.id))
				.orderBy(asc(fundingApplicationVersion.version)),
			ctx.db
				.select({
					fromStatus: fundingApplicationEvent.fromStatus,
					toStatus: fundingApplicationEvent.toStatus,
					at: fundingApplicationEvent.at,
					reason: fundingApplicationEvent.reason
				})
				.from(fundingApplicationEvent)
				.where(eq(fundingApplicationEvent.applicationId, a.id))
				.orderBy(asc(fundingApplicationEvent.at), asc(fundingApplicationEvent.id))
		]);
		const results = checkApplication(call.rules, a.body, { now: new Date(), applicantKind: a.applicantKind });
		const editable = isEditor && EDITABLE.has(a.status);
		return {
			id: a.id,
			callId: call.id,
			callTitle: call.title,
			callStatus: call.status,
			closesAt: call.closesAt,
			rules: call.rules,
			status: a.status,
			version: a.version,
			body: a.body,
			applicantKind: a.applicantKind,
			applicantName: a.applicantName,
			applicantOrganisationId: a.applicantOrganisationId,
			isOwner,
			editable,
			submittable: editable && submitBlockers(results, a.status).length === 0,
			results,
			totals: applicationTotals(call.rules, a.body),
			submittedAt: a.submittedAt,
			versions,
			events,
			decision: a.decidedAt ? { grantedCents: a.grantedCents, reason: a.decisionReason, decidedAt: a.decidedAt } : null
		};
	}
});

export type MyApplicationItem = {
	id: string;
	callId: string;
	callTitle: string;
	title: string;
	status: ApplicationStatus;
	version: number;
	updatedAt: Date;
	closesAt: Date;
	requestedCents: number;
};

export const listMyApplications = defineVerb({
	name: 'funding.application.list_mine',
	summary: 'The applications the caller owns or co-edits, the latest changed first',
	permission: permission('funding.own.read'),
	input: z.object({}).default({}),
	writes: false,
	access: (ctx) => ({ userId: ctx.actor.userId! }),
	run: async (ctx, _input, { userId }): Promise<MyApplicationItem[]> => {
		const coEdited = ctx.db
			.select({ id: fundingEditor.applicationId })
			.from(fundingEditor)
			.where(and(eq(fundingEditor.userId, userId), isNotNull(fundingEditor.acceptedAt)));
		const rows = await ctx.db
			.select({
				id: fundingApplication.id,
				callId: fundingApplication.callId,
				callTitle: fundingCall.title,
				body: fundingApplication.body,
				status: fundingApplication.status,
				version: fundingApplication.version,
				updatedAt: fundingApplication.updatedAt,
				closesAt: fundingCall.closesAt,
				requestedCents: fundingApplication.requestedCents
			})
			.from(fundingApplication)
			.innerJoin(fundingCall, eq(fundingCall.id, fundingApplication.callId))
			.where(or(eq(fundingApplication.ownerUserId, userId), inArray(fundingApplication.id, coEdited)))
			.orderBy(desc(fundingApplication.updatedAt))
			.limit(500);
		return rows.map(({ body, ...r }) => ({ ...r, title: body.title }));
	}
});

export type ApplicationVersionView = {
	version: number;
	body: ApplicationBody;
	rules: CallRules;
	submittedAt: Date;
	callTitle: string;
	applicantName: string;
	applicantKind: ApplicantKind;
};

export const getApplicationVersion = defineVerb({
	name: 'funding.application.version',
	summary: 'A submitted (frozen) version of an application: its body and the call’s rules as they were',
	permission: permission('funding.own.read'),
	input: applicationVersionInput,
	writes: false,
	access: (ctx, { id }) => applicationFor(ctx, id, 'read'),
	run: async (ctx, input, { application, call }): Promise<ApplicationVersionView> => {
		const [v] = await ctx.db
			.select()
			.from(fundingApplicationVersion)
			.where(and(eq(fundingApplicationVersion.applicationId, application.id), eq(fundingApplicationVersion.version, input.version)));
		if (!v) throw new NotFoundError();
		return {
			version: v.version,
			body: v.body,
			rules: v.rules,
			submittedAt: v.submittedAt,
			callTitle: call.title,
			applicantName: application.applicantName,
			applicantKind: application.applicantKind
		};
	}
});
