import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { defineVerb, NotFoundError, PUBLIC, type Ctx } from '../core/index.ts';
import { can, holds } from '../access/index.ts';
import { peopleOrganisation } from '../people/index.ts';
import type { CallRules, CallStatus } from '../../funding/types.ts';
import { fundingCall, fundingFile, fundingProgramme } from './schema.ts';
import { callIdInput, listCallsInput } from './call-validation.ts';
import { fundingOrgFilter } from './programmes.ts';

// Reading calls. A published or closed call is public knowledge (its page, its rules, its documents);
// a draft exists only for the officers of its organisation: to anyone else it is unknown (404).

export type CallDocument = { id: string; name: string; mediaType: string; size: number; createdAt: Date };
export type CallView = {
	id: string;
	programmeId: string;
	programmeName: string;
	organisationId: string;
	organisationName: string;
	title: string;
	summary: string;
	template: string | null;
	status: CallStatus;
	rules: CallRules;
	opensAt: Date;
	closesAt: Date;
	publishedAt: Date | null;
	version: number;
	documents: CallDocument[];
	/** The actor may edit, publish and close it (the pages show the officer's buttons only then). */
	manageable: boolean;
};

const place = (c: { organisationId: string }) => ({ organisationId: c.organisationId, areaId: null });

/** A call as the actor may see it, or 404: a draft only for its organisation's officers. */
export async function visibleCall(ctx: Ctx, id: string) {
	const [row] = await ctx.db
		.select({ call: fundingCall, programmeName: fundingProgramme.name, organisationName: peopleOrganisation.name })
		.from(fundingCall)
		.innerJoin(fundingProgramme, eq(fundingProgramme.id, fundingCall.programmeId))
		.innerJoin(peopleOrganisation, eq(peopleOrganisation.id, fundingCall.organisationId))
		.where(eq(fundingCall.id, id));
	if (!row) throw new NotFoundError();
	if (row.call.status === 'draft' && !can(ctx.actor, 'funding.programme.read', place(row.call))) throw new NotFoundError();
	return row;
}

export const getCall = defineVerb({
	name: 'funding.call.get',
	summary: 'A call with its rules and documents: anyone for a published or closed call, its officers for a draft',
	permission: PUBLIC,
	input: callIdInput,
	writes: false,
	access: (ctx, { id }) => visibleCall(ctx, id),
	run: async (ctx, _input, { call, programmeName, organisationName }): Promise<CallView> => {
		const documents = await ctx.db
			.select({
				id: fundingFile.id,
				name: fundingFile.name,
				mediaType: fundingFile.mediaType,
				size: fundingFile.size,
				createdAt: fundingFile.createdAt
			})
			.from(fundingFile)
			.where(eq(fundingFile.callId, call.id))
			.orderBy(asc(fundingFile.createdAt));
		return {
			id: call.id,
			programmeId: call.programmeId,
			programmeName,
			organisationId: call.organisationId,
			organisationName,
			title: call.title,
			summary: call.summary,
			template: call.template,
			status: call.status,
			rules: call.rules,
			opensAt: call.opensAt,
			closesAt: call.closesAt,
			publishedAt: call.publishedAt,
			version: call.version,
			documents,
			manageable: can(ctx.actor, 'funding.programme.manage', place(call))
		};
	}
});

export type CallListItem = {
	id: string;
	title: string;
	summary: string;
	status: CallStatus;
	opensAt: Date;
	closesAt: Date;
	programmeName: string;
	organisationName: string;
	/** Published, opened and its deadline ahead: applications are taken now. */
	open: boolean;
};

export const listCalls = defineVerb({
	name: 'funding.call.list',
	summary:
		"Calls: the published and closed ones (open first, nearest deadline first); with mine, all of the officer's organisations' calls, drafts too",
	permission: PUBLIC,
	input: listCallsInput,
	writes: false,
	access: (ctx, { mine }) => ({ mine: mine && holds(ctx.actor, 'funding.programme.read') }),
	run: async (ctx, input, { mine }): Promise<CallListItem[]> => {
		const where = and(
			mine ? fundingOrgFilter(ctx, fundingCall.organisationId) : inArray(fundingCall.status, ['published', 'closed']),
			input.programmeId ? eq(fundingCall.programmeId, input.programmeId) : undefined,
			mine ? undefined : ne(fundingCall.status, 'draft')
		);
		const rows = await ctx.db
			.select({
				id: fundingCall.id,
				title: fundingCall.title,
				summary: fundingCall.summary,
				status: fundingCall.status,
				opensAt: fundingCall.opensAt,
				closesAt: fundingCall.closesAt,
				programmeName: fundingProgramme.name,
				organisationName: peopleOrganisation.name
			})
			.from(fundingCall)
			.innerJoin(fundingProgramme, eq(fundingProgramme.id, fundingCall.programmeId))
			.innerJoin(peopleOrganisation, eq(peopleOrganisation.id, fundingCall.organisationId))
			.where(where)
			.orderBy(desc(fundingCall.closesAt))
			.limit(500);
		const now = Date.now();
		const items = rows.map((r) => ({ ...r, open: r.status === 'published' && r.opensAt.getTime() <= now && r.closesAt.getTime() > now }));
		// Open calls first, the nearest deadline on top; then the rest, the latest deadline on top.
		const open = items.filter((c) => c.open).sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime());
		return [...open, ...items.filter((c) => !c.open)];
	}
});
