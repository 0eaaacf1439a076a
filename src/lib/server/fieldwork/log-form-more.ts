import { and, asc, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import type { Ctx } from '../core/index.ts';
import { accessRoleGrant } from '../access/index.ts';
import { areasPlace } from '../areas/index.ts';
import { networkPartner } from '../network/index.ts';
import { peoplePerson } from '../people/index.ts';
import { STAFF_ROLES } from './contacts.ts';

// The log form's folded "More" part: who must act (colleagues who log contacts in the organisation),
// a partner present (the organisation's address book) and a named place (of the offered areas). The
// same rules logContact checks on a post, so the form offers only what it would accept.

type Choice = { id: string; name: string; organisationId: string };
type MoreChoices = { colleagues: Choice[]; partners: Choice[]; places: (Choice & { areaId: string })[] };

export async function moreChoices(ctx: Ctx, organisationIds: string[], areaIds: string[]): Promise<MoreChoices> {
	if (!organisationIds.length) return { colleagues: [], partners: [], places: [] };
	const [colleagues, partners, places] = await Promise.all([
		ctx.db
			.selectDistinct({
				id: peoplePerson.userId,
				firstName: peoplePerson.firstName,
				lastName: peoplePerson.lastName,
				organisationId: accessRoleGrant.organisationId
			})
			.from(accessRoleGrant)
			.innerJoin(peoplePerson, eq(peoplePerson.id, accessRoleGrant.personId))
			.where(
				and(
					inArray(accessRoleGrant.organisationId, organisationIds),
					inArray(accessRoleGrant.role, [...STAFF_ROLES]),
					ne(peoplePerson.userId, ctx.actor.userId!)
				)
			)
			.orderBy(asc(peoplePerson.firstName), asc(peoplePerson.lastName)),
		ctx.db
			.select({ id: networkPartner.id, name: networkPartner.name, organisationId: networkPartner.organisationId })
			.from(networkPartner)
			.where(inArray(networkPartner.organisationId, organisationIds))
			.orderBy(asc(networkPartner.name))
			.limit(200),
		areaIds.length
			? ctx.db
					.select({ id: areasPlace.id, name: areasPlace.name, areaId: areasPlace.areaId, organisationId: areasPlace.organisationId })
					.from(areasPlace)
					.where(and(inArray(areasPlace.areaId, areaIds), or(isNull(areasPlace.organisationId), inArray(areasPlace.organisationId, organisationIds))))
					.orderBy(asc(areasPlace.name))
			: Promise.resolve([])
	]);
	return {
		colleagues: colleagues.flatMap((c) =>
			c.id ? [{ id: c.id, name: c.lastName ? `${c.firstName} ${c.lastName}` : c.firstName, organisationId: c.organisationId }] : []
		),
		partners,
		// A place of the whole city (no organisation) is offered with every organisation of the actor.
		places: places.flatMap((p) =>
			p.organisationId ? [{ ...p, organisationId: p.organisationId }] : organisationIds.map((o) => ({ ...p, organisationId: o }))
		)
	};
}
