import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { defineVerb, ForbiddenError, type Ctx } from '../core/index.ts';
import { can, grantedOrganisations, permission } from '../access/index.ts';
import type { CallStatus } from '../../funding/types.ts';
import { fundingCall, fundingProgramme } from './schema.ts';
import { createProgrammeInput, listProgrammesInput } from './call-validation.ts';

// A funder's programmes. An officer's grant is organisation-wide (area null), so a programme's place is
// its organisation with no area: another organisation's officer neither sees nor changes it.

export const programmePlace = (organisationId: string) => ({ organisationId, areaId: null });

/** The organisations whose funding the actor reads (null: every one, an admin), as a WHERE term. */
export function fundingOrgFilter(ctx: Ctx, column: typeof fundingProgramme.organisationId | typeof fundingCall.organisationId): SQL | undefined {
	const orgs = grantedOrganisations(ctx.actor, 'funding.programme.read');
	if (orgs === null) return undefined;
	return orgs.length ? inArray(column, orgs) : eq(column, '00000000-0000-0000-0000-000000000000');
}

export const createProgramme = defineVerb({
	name: 'funding.programme.create',
	summary: 'Create a funding programme of an organisation (a city, a regional service, a foundation)',
	permission: permission('funding.programme.manage'),
	input: createProgrammeInput,
	writes: true,
	access: (ctx, { organisationId }) => {
		if (!can(ctx.actor, 'funding.programme.manage', programmePlace(organisationId))) throw new ForbiddenError('funding.programme.manage');
		return programmePlace(organisationId);
	},
	run: async (ctx, input) => {
		const [row] = await ctx.db
			.insert(fundingProgramme)
			.values({ organisationId: input.organisationId, name: input.name, description: input.description, createdByUserId: ctx.actor.userId })
			.returning({ id: fundingProgramme.id });
		return { id: row!.id };
	},
	audit: (input, out) => ({ action: 'create', entity: 'funding_programme', entityId: out.id, details: { organisationId: input.organisationId } })
});

export type ProgrammeCall = { id: string; title: string; status: CallStatus; opensAt: Date; closesAt: Date };
export type ProgrammeSummary = { id: string; organisationId: string; name: string; description: string; calls: ProgrammeCall[] };

export const listProgrammes = defineVerb({
	name: 'funding.programme.list',
	summary: "The programmes of the officer's organisations, each with its calls (newest deadline first)",
	permission: permission('funding.programme.read'),
	input: listProgrammesInput,
	writes: false,
	access: (ctx, { organisationId }) => {
		if (organisationId && !can(ctx.actor, 'funding.programme.read', programmePlace(organisationId)))
			throw new ForbiddenError('funding.programme.read');
		return { organisationId };
	},
	run: async (ctx, _input, { organisationId }): Promise<ProgrammeSummary[]> => {
		const where = and(
			fundingOrgFilter(ctx, fundingProgramme.organisationId),
			organisationId ? eq(fundingProgramme.organisationId, organisationId) : undefined
		);
		const programmes = await ctx.db.select().from(fundingProgramme).where(where).orderBy(asc(fundingProgramme.name)).limit(200);
		if (!programmes.length) return [];
		const calls = await ctx.db
			.select({
				id: fundingCall.id,
				programmeId: fundingCall.programmeId,
				title: fundingCall.title,
				status: fundingCall.status,
				opensAt: fundingCall.opensAt,
				closesAt: fundingCall.closesAt
			})
			.from(fundingCall)
			.where(
				inArray(
					fundingCall.programmeId,
					programmes.map((p) => p.id)
				)
			)
			.orderBy(asc(fundingCall.closesAt));
		return programmes.map((p) => ({
			id: p.id,
			organisationId: p.organisationId,
			name: p.name,
			description: p.description,
			calls: calls.filter((c) => c.programmeId === p.id).map(({ programmeId: _p, ...c }) => c)
		}));
	}
});
