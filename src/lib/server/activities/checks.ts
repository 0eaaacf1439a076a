import { and, eq, inArray } from 'drizzle-orm';
import { InvalidError, type Ctx } from '../core/index.ts';
import { accessRoleGrant } from '../access/index.ts';
import { areasPlace } from '../areas/index.ts';
import { peoplePerson } from '../people/index.ts';

// What an activity points at must belong to it: a neighbourhood house of its own neighbourhood (and of
// its organisation, or of nobody), an organiser who works for its organisation.

const ORGANISER_ROLES = ['facilitator', 'outreach', 'coordinator'] as const;

/** A place of the activity's neighbourhood, else a field error (another neighbourhood's house is refused). */
export async function checkPlace(ctx: Ctx, placeId: string | null | undefined, where: { organisationId: string; areaId: string | null }) {
	if (!placeId) return;
	const [place] = await ctx.db.select().from(areasPlace).where(eq(areasPlace.id, placeId));
	const fits =
		place &&
		(place.organisationId === null || place.organisationId === where.organisationId) &&
		(where.areaId === null || place.areaId === where.areaId);
	if (!fits) throw new InvalidError({ placeId: 'act_error_place_area' });
}

/** Staff of the organisation who may organise: their account ids and names. */
export async function organisersOf(ctx: Ctx, organisationIds: string[]) {
	if (!organisationIds.length) return [];
	const rows = await ctx.db
		.selectDistinct({
			userId: peoplePerson.userId,
			firstName: peoplePerson.firstName,
			lastName: peoplePerson.lastName,
			organisationId: accessRoleGrant.organisationId
		})
		.from(accessRoleGrant)
		.innerJoin(peoplePerson, eq(peoplePerson.id, accessRoleGrant.personId))
		.where(and(inArray(accessRoleGrant.organisationId, organisationIds), inArray(accessRoleGrant.role, [...ORGANISER_ROLES])));
	return rows.filter((r): r is typeof r & { userId: string } => r.userId !== null);
}

export async function checkOrganiser(ctx: Ctx, userId: string | null | undefined, organisationId: string) {
	if (!userId) return;
	const staff = await organisersOf(ctx, [organisationId]);
	if (!staff.some((s) => s.userId === userId)) throw new InvalidError({ organiserUserId: 'error_choice' });
}
