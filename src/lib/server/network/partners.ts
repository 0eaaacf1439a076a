import { and, arrayContains, asc, eq, exists, ilike, inArray, sql } from 'drizzle-orm';
import { ForbiddenError, InvalidError, NotFoundError, containsPattern, defineVerb } from '../core/index.ts';
import { permission } from '../access/index.ts';
import { peopleOrganisation, peoplePerson } from '../people/index.ts';
import { networkPartner, networkPartnerArea, networkRelationship } from './schema.ts';
import { createPartnerInput, listPartnersInput, updatePartnerInput, type CreatePartnerInput } from './validation.ts';
import { mayRead, reachedOrganisations, reachesOrganisation } from './reach.ts';
import type { Ctx } from '../core/index.ts';
import { z } from 'zod';

// Partner organisations: the welfare office, the school, the repair café a worker refers people to.
// A record of the tenant organisation that keeps it (not a tenant of Wijkweb itself).

type PgFailure = { code?: string; constraint?: string; cause?: PgFailure };

/** An area id that does not exist is a field error (its foreign key refuses it), not a 500. */
function unknownArea(e: unknown): never {
	const pg = (e as PgFailure).cause ?? (e as PgFailure);
	if (pg.code === '23503' && pg.constraint?.includes('area')) throw new InvalidError({ areaIds: 'error_choice' });
	if (pg.code === '23503' && pg.constraint?.includes('organisation')) throw new InvalidError({ organisationId: 'error_choice' });
	throw e;
}

const fieldsOf = ({ name, kind, address, phone, email, website, themes }: Omit<CreatePartnerInput, 'organisationId' | 'areaIds'>) => ({
	name,
	kind,
	address: address ?? null,
	phone: phone ?? null,
	email: email ?? null,
	website: website ?? null,
	themes
});

async function setAreas(ctx: Ctx, partnerId: string, areaIds: string[]) {
	await ctx.db.delete(networkPartnerArea).where(eq(networkPartnerArea.partnerId, partnerId));
	if (areaIds.length)
		await ctx.db
			.insert(networkPartnerArea)
			.values(areaIds.map((areaId) => ({ partnerId, areaId })))
			.catch(unknownArea);
}

export const createPartner = defineVerb({
	name: 'network.partner.create',
	summary: 'Add a partner organisation (welfare office, school, repair café…) to the organisation’s address book',
	permission: permission('network.partner.manage'),
	input: createPartnerInput,
	writes: true,
	access: (ctx, { organisationId }) => {
		if (!reachesOrganisation(ctx.actor, 'network.partner.manage', organisationId)) throw new ForbiddenError('network.partner.manage');
		return organisationId;
	},
	run: async (ctx, input, organisationId) => {
		const [row] = await ctx.db
			.insert(networkPartner)
			.values({ ...fieldsOf(input), organisationId, createdByUserId: ctx.actor.userId })
			.returning({ id: networkPartner.id })
			.catch(unknownArea);
		await setAreas(ctx, row!.id, input.areaIds);
		return { id: row!.id };
	},
	audit: (_input, row) => ({ action: 'create', entity: 'network_partner', entityId: row.id })
});

const row = async (ctx: Ctx, id: string) => (await ctx.db.select().from(networkPartner).where(eq(networkPartner.id, id)))[0];

/** One partner with its neighbourhoods and contact persons (people tied to it as contact_person_at). */
export const getPartner = defineVerb({
	name: 'network.partner.read',
	summary: 'One partner organisation with the neighbourhoods it serves and its contact persons',
	permission: permission('network.partner.read'),
	input: z.object({ id: z.uuid('error_not_found') }),
	writes: false,
	access: async (ctx, { id }) => {
		const partner = await row(ctx, id);
		if (!partner || !reachesOrganisation(ctx.actor, 'network.partner.read', partner.organisationId)) throw new NotFoundError();
		return partner;
	},
	run: async (ctx, _input, partner) => {
		const [areas, contacts] = await Promise.all([
			ctx.db.select({ areaId: networkPartnerArea.areaId }).from(networkPartnerArea).where(eq(networkPartnerArea.partnerId, partner.id)),
			ctx.db
				.select({
					relationshipId: networkRelationship.id,
					personId: peoplePerson.id,
					firstName: peoplePerson.firstName,
					lastName: peoplePerson.lastName,
					organisationId: peoplePerson.organisationId,
					areaId: peoplePerson.areaId,
					role: networkRelationship.role,
					startsOn: networkRelationship.startsOn,
					endsOn: networkRelationship.endsOn
				})
				.from(networkRelationship)
				.innerJoin(peoplePerson, eq(peoplePerson.id, networkRelationship.fromPersonId))
				.where(and(eq(networkRelationship.toKey, `partner:${partner.id}`), eq(networkRelationship.type, 'contact_person_at')))
				.orderBy(asc(peoplePerson.firstName))
		]);
		// Contact persons are people: named only to those who may read them (the officer reads partners, not people).
		const readable = contacts.filter((c) => c.organisationId && mayRead(ctx.actor, c));
		return { ...partner, areaIds: areas.map((a) => a.areaId), contacts: readable, hiddenContacts: contacts.length - readable.length };
	}
});

export const updatePartner = defineVerb({
	name: 'network.partner.update',
	summary: 'Change a partner organisation’s facts, themes and neighbourhoods',
	permission: permission('network.partner.manage'),
	input: updatePartnerInput,
	writes: true,
	access: async (ctx, { id }) => {
		const [partner] = await ctx.db.select().from(networkPartner).where(eq(networkPartner.id, id)).for('update');
		// One who may read it but not change it is told so; one who may not read it learns nothing.
		if (!partner || !reachesOrganisation(ctx.actor, 'network.partner.read', partner.organisationId)) throw new NotFoundError();
		if (!reachesOrganisation(ctx.actor, 'network.partner.manage', partner.organisationId)) throw new ForbiddenError('network.partner.manage');
		return partner;
	},
	run: async (ctx, input, partner) => {
		await ctx.db
			.update(networkPartner)
			.set({ ...fieldsOf(input), updatedAt: new Date() })
			.where(eq(networkPartner.id, partner.id));
		await setAreas(ctx, partner.id, input.areaIds);
		return { id: partner.id };
	},
	audit: (_input, out) => ({ action: 'update', entity: 'network_partner', entityId: out.id })
});

/** The partners of the actor's organisations, by name, filtered by kind, theme, neighbourhood or name. */
export const listPartners = defineVerb({
	name: 'network.partner.list',
	summary: 'The partner organisations of the caller’s organisations, by name (filter by kind, theme, neighbourhood)',
	permission: permission('network.partner.read'),
	input: listPartnersInput,
	writes: false,
	access: (ctx) => reachedOrganisations(ctx.actor, 'network.partner.read'),
	// An organisation keeps tens of partners (500 in a whole city): one list, never cut into pages.
	run: (ctx, { kind, theme, areaId, q }, organisationIds) =>
		ctx.db
			.select({
				id: networkPartner.id,
				name: networkPartner.name,
				kind: networkPartner.kind,
				themes: networkPartner.themes,
				phone: networkPartner.phone,
				organisationId: networkPartner.organisationId,
				organisation: peopleOrganisation.name,
				areaIds: sql<string[]>`coalesce((select array_agg(a.area_id) from network_partner_area a where a.partner_id = "network_partner"."id"), '{}')`
			})
			.from(networkPartner)
			.innerJoin(peopleOrganisation, eq(peopleOrganisation.id, networkPartner.organisationId))
			.where(
				and(
					organisationIds ? inArray(networkPartner.organisationId, organisationIds) : undefined,
					kind ? eq(networkPartner.kind, kind) : undefined,
					theme ? arrayContains(networkPartner.themes, [theme]) : undefined,
					areaId
						? exists(
								ctx.db
									.select({ one: sql`1` })
									.from(networkPartnerArea)
									.where(and(eq(networkPartnerArea.partnerId, networkPartner.id), eq(networkPartnerArea.areaId, areaId)))
							)
						: undefined,
					q ? ilike(networkPartner.name, containsPattern(q)) : undefined
				)
			)
			.orderBy(asc(networkPartner.name), asc(networkPartner.id))
			.limit(1000)
});
