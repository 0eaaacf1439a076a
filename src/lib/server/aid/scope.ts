import { and, eq, inArray } from 'drizzle-orm';
import { type Ctx, ForbiddenError, InvalidError, NotFoundError } from '../core/index.ts';
import { accessRoleGrant, can, holds } from '../access/index.ts';
import { peoplePerson } from '../people/index.ts';
import { areasArea } from '../areas/index.ts';

export type Party = { id: string; userId: string | null; organisationId: string | null; areaId: string | null };

/** The person a need or offer is for, and how the actor may act for them: themselves, or assisted. */
export async function actingFor(ctx: Ctx, personId: string, areaId: string): Promise<{ person: Party; organisationId: string; assisted: boolean }> {
	const [[person], [area]] = await Promise.all([
		ctx.db
			.select({ id: peoplePerson.id, userId: peoplePerson.userId, organisationId: peoplePerson.organisationId, areaId: peoplePerson.areaId })
			.from(peoplePerson)
			.where(eq(peoplePerson.id, personId)),
		ctx.db.select({ id: areasArea.id }).from(areasArea).where(eq(areasArea.id, areaId))
	]);
	if (!person) throw new NotFoundError();
	// An unknown neighbourhood is a choice not offered (422), not a foreign-key failure later (500); a
	// grant for every area does not make any id an area.
	if (!area) throw new InvalidError({ areaId: 'error_choice' });
	if (person.id === ctx.actor.personId && can(ctx.actor, 'aid.own.write')) {
		// A resident's or volunteer's own need: it belongs to the organisation that welcomed them there.
		const grants = ctx.actor.grants.filter((g) => g.role === 'resident' || g.role === 'volunteer');
		// Only in a neighbourhood where they were welcomed (a grant there, or one for every area), as the
		// form offers: a need elsewhere would land in a queue, and on a public board, not theirs.
		const grant = grants.find((g) => g.areaId === areaId) ?? grants.find((g) => g.areaId === null);
		if (!grant) throw new InvalidError({ areaId: 'error_choice' });
		return { person, organisationId: person.organisationId ?? grant.organisationId, assisted: false };
	}
	if (!holds(ctx.actor, 'aid.need.write')) throw new ForbiddenError('aid.need.write');
	// Staff act for people of an organisation they work in: the one that registered the person, or,
	// for someone who signed up on their own (no organisation on the person), one that gave them a
	// resident or volunteer role. Knowing a person's id is not enough to speak for them.
	const organisationId = person.organisationId ?? (await welcomingOrganisation(ctx, person.id, areaId));
	if (!organisationId) throw new NotFoundError();
	if (!can(ctx.actor, 'aid.need.write', { organisationId, areaId })) throw new ForbiddenError('aid.need.write');
	return { person, organisationId, assisted: person.id !== ctx.actor.personId };
}

async function welcomingOrganisation(ctx: Ctx, personId: string, areaId: string): Promise<string | null> {
	const grants = await ctx.db
		.select({ organisationId: accessRoleGrant.organisationId })
		.from(accessRoleGrant)
		.where(and(eq(accessRoleGrant.personId, personId), inArray(accessRoleGrant.role, ['resident', 'volunteer'])));
	return (
		grants.map((g) => g.organisationId).find((organisationId) => !!organisationId && can(ctx.actor, 'aid.need.write', { organisationId, areaId })) ??
		null
	);
}
