import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Ctx } from '../core/context.ts';
import { ForbiddenError, NotFoundError } from '../core/errors.ts';
import { can, readScope } from '../access/can.ts';
import type { PermissionName } from '../access/permissions.ts';
import { peoplePerson } from '../people/schema.ts';

const NONE = '00000000-0000-0000-0000-000000000000';

/** A WHERE clause keeping rows to the organisations (and areas) where the actor holds `permission`. */
export function scopeWhere(ctx: Ctx, permission: PermissionName, org: AnyPgColumn, area: AnyPgColumn): SQL | undefined {
	const scope = readScope(ctx.actor, permission);
	if (scope.all) return undefined;
	const inOrg = inArray(org, scope.organisationIds.length ? scope.organisationIds : [NONE]);
	if (scope.areaIds === null) return inOrg;
	return and(inOrg, inArray(area, scope.areaIds.length ? scope.areaIds : [NONE]));
}

export type Party = { id: string; userId: string | null; organisationId: string | null; areaId: string | null };

/** The person a need or offer is for, and how the actor may act for them: themselves, or assisted. */
export async function actingFor(ctx: Ctx, personId: string, areaId: string): Promise<{ person: Party; organisationId: string; assisted: boolean }> {
	const [person] = await ctx.db
		.select({ id: peoplePerson.id, userId: peoplePerson.userId, organisationId: peoplePerson.organisationId, areaId: peoplePerson.areaId })
		.from(peoplePerson)
		.where(eq(peoplePerson.id, personId));
	if (!person) throw new NotFoundError();
	if (person.id === ctx.actor.personId && can(ctx.actor, 'aid.own.write')) {
		// A resident's or volunteer's own need: it belongs to the organisation that welcomed them there.
		const grants = ctx.actor.grants.filter((g) => g.role === 'resident' || g.role === 'volunteer');
		const grant = grants.find((g) => g.areaId === areaId) ?? grants.find((g) => g.areaId === null) ?? grants[0]!;
		return { person, organisationId: person.organisationId ?? grant.organisationId, assisted: false };
	}
	const organisationId = person.organisationId ?? staffOrganisation(ctx);
	if (!organisationId || !can(ctx.actor, 'aid.need.write', { organisationId, areaId })) throw new ForbiddenError('aid.need.write');
	return { person, organisationId, assisted: person.id !== ctx.actor.personId };
}

function staffOrganisation(ctx: Ctx): string | null {
	return ctx.actor.grants.find((g) => g.role === 'facilitator' || g.role === 'outreach' || g.role === 'admin')?.organisationId ?? null;
}
