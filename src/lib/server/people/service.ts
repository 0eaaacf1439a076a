import { and, asc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ConflictError, ForbiddenError, InvalidError, after, containsPattern, decodeCursor, defineVerb, pageFields, pageOf } from '../core/index.ts';
import { can, grantedAreas, grantedOrganisations, instanceWide, permission, scopeFilter } from '../access/index.ts';
import { peopleOrganisation, peoplePerson } from './schema.ts';
import { personColumns } from './scope.ts';
import { createOrganisationInput, registerPersonInput } from './validation.ts';
import { consentsAsked } from './purposes-validation.ts';
import { askedPurposeCodes, consentGiven, recordRegistrationConsents } from './consent.ts';
import { originAllowed, originOrganisations } from './origin.ts';
import { originGroup } from '../../countries.ts';

export const createOrganisation = defineVerb({
	name: 'people.organisation.create',
	summary: 'Add an organisation (instance settings)',
	permission: permission('admin.organisation.manage'),
	input: createOrganisationInput,
	writes: true,
	access: instanceWide,
	run: async (ctx, input) => {
		const [row] = await ctx.db
			.insert(peopleOrganisation)
			.values(input)
			.onConflictDoNothing()
			.returning({ id: peopleOrganisation.id, name: peopleOrganisation.name });
		if (!row) throw new ConflictError('error_name_taken');
		return row;
	},
	audit: (_input, row) => ({ action: 'create', entity: 'people_organisation', entityId: row.id })
});

/**
 * Every organisation with its kind and lawful basis: the instance settings (the admin page, the role
 * form). Never cut: an instance has tens of organisations, not thousands.
 */
export const listOrganisations = defineVerb({
	name: 'people.organisation.list',
	summary: 'The organisations, by name, with their kind and lawful basis',
	permission: permission('admin.organisation.manage'),
	input: z.object({}).default({}),
	writes: false,
	access: instanceWide,
	// Never the logo's bytes: a list has no use for them, and the page would carry them all.
	run: (ctx) =>
		ctx.db
			.select({
				id: peopleOrganisation.id,
				name: peopleOrganisation.name,
				kind: peopleOrganisation.kind,
				lawfulBasis: peopleOrganisation.lawfulBasis,
				accentColor: peopleOrganisation.accentColor
			})
			.from(peopleOrganisation)
			.orderBy(asc(peopleOrganisation.name))
});

/**
 * Where the actor may register people: these organisations, and these areas (null = any area).
 * The registration form offers only these, so nobody is offered a choice that will be refused.
 */
export const registerChoices = defineVerb({
	name: 'people.person.register_choices',
	summary: 'The organisations and areas where the actor may register people',
	permission: permission('people.person.register'),
	input: z.object({}).default({}),
	writes: false,
	access: (ctx) => ({
		organisationIds: grantedOrganisations(ctx.actor, 'people.person.register'),
		areaIds: grantedAreas(ctx.actor, 'people.person.register')
	}),
	run: async (ctx, _input, { organisationIds, areaIds }) => {
		const organisations = await ctx.db
			.select({ id: peopleOrganisation.id, name: peopleOrganisation.name })
			.from(peopleOrganisation)
			.where(organisationIds ? inArray(peopleOrganisation.id, organisationIds) : undefined)
			.orderBy(asc(peopleOrganisation.name));
		// The consents the form asks: purposes (by code) asked in those organisations; the country of
		// origin is offered only where it may be kept (people/origin.ts).
		const ids = organisations.map((o) => o.id);
		const [purposes, originOrganisationIds] = await Promise.all([askedPurposeCodes(ctx.db, organisationIds), originOrganisations(ctx.db, ids)]);
		return { organisations, areaIds, purposes, originOrganisationIds };
	}
});

type PgFailure = { code?: string; constraint?: string; cause?: PgFailure };

/**
 * An admin's grant covers any id, so an organisation or area that does not exist gets as far as the
 * insert: its foreign key refuses it, and that is a field error (422), not a server error.
 */
function unknownPlace(e: unknown): never {
	const failure = e as PgFailure;
	const pg = failure.cause ?? failure;
	if (pg.code === '23503' && pg.constraint?.includes('organisation_id')) throw new InvalidError({ organisationId: 'error_choice' });
	if (pg.code === '23503' && pg.constraint?.includes('area_id')) throw new InvalidError({ areaId: 'error_choice' });
	throw e;
}

/** Registers someone met at office hours or in the street, without an account. */
export const registerPerson = defineVerb({
	name: 'people.person.register',
	summary: 'Register a person without an account (walk-in), consent recorded',
	permission: permission('people.person.register'),
	input: registerPersonInput,
	writes: true,
	access: async (ctx, input) => {
		const place = { organisationId: input.organisationId, areaId: input.areaId ?? null };
		// Someone bound to areas cannot register a person without one: nobody they work with could see them.
		if (!place.areaId && grantedAreas(ctx.actor, 'people.person.register') !== null) throw new InvalidError({ areaId: 'error_required' });
		if (!can(ctx.actor, 'people.person.register', place)) throw new ForbiddenError('people.person.register');
		return place;
	},
	run: async (ctx, input) => {
		const { consents, consentMethod, contactConsent, interculturalConsent, countryOfOrigin, ...fields } = input;
		const asked = consentsAsked(consents, consentMethod, { contactConsent, interculturalConsent });
		const [row] = await ctx.db
			.insert(peoplePerson)
			.values({ ...fields, countryOfOrigin: null, originGroup: null, registeredByUserId: ctx.actor.userId })
			.returning()
			.catch(unknownPlace);
		const given = await recordRegistrationConsents(ctx, { id: row!.id, organisationId: input.organisationId }, asked);
		// A country of origin only where a purpose needs it and allows it for this person, with the consents
		// just recorded (least data; people/origin.ts); the broad group follows from it. A refusal rolls the
		// whole registration back.
		if (countryOfOrigin) {
			if (!(await originAllowed(ctx.db, input.organisationId, row!.id)))
				throw new InvalidError({ countryOfOrigin: 'people_error_origin_not_allowed' });
			const group = originGroup(countryOfOrigin);
			await ctx.db.update(peoplePerson).set({ countryOfOrigin, originGroup: group }).where(eq(peoplePerson.id, row!.id));
			return { ...row!, countryOfOrigin, originGroup: group, consents: given };
		}
		// Origin is kept only while the purpose 'intercultural' allows it (least data): the rule its figures use.
		const [kept] = fields.originGroup
			? await ctx.db
					.update(peoplePerson)
					.set({ originGroup: fields.originGroup })
					.where(and(eq(peoplePerson.id, row!.id), consentGiven('intercultural', peoplePerson.id)))
					.returning({ originGroup: peoplePerson.originGroup })
			: [];
		return { ...row!, originGroup: kept?.originGroup ?? null, consents: given };
	},
	audit: (_input, row) => ({ action: 'create', entity: 'people_person', entityId: row.id, details: { consents: row.consents } })
});

export const listPeopleInput = z
	.object({
		q: z
			.string()
			.optional()
			.transform((q) => q?.trim().slice(0, 80) || undefined),
		...pageFields
	})
	.prefault({});

/** People registered by the actor's organisations (and areas), by first name; one page at a time. */
export const listPeople = defineVerb({
	name: 'people.person.list',
	summary: 'The people registered in the actor’s organisations and areas, by first name',
	permission: permission('people.person.read'),
	input: listPeopleInput,
	writes: false,
	access: (ctx) => scopeFilter(ctx.actor, 'people.person.read', personColumns),
	run: async (ctx, { q, limit, cursor }, scope) => {
		const order = [peoplePerson.firstName, peoplePerson.id];
		const rows = await ctx.db
			.select({
				id: peoplePerson.id,
				firstName: peoplePerson.firstName,
				lastName: peoplePerson.lastName,
				hasAccount: sql<boolean>`${peoplePerson.userId} is not null`,
				organisationId: peoplePerson.organisationId,
				organisation: peopleOrganisation.name,
				areaId: peoplePerson.areaId,
				createdAt: peoplePerson.createdAt
			})
			.from(peoplePerson)
			.leftJoin(peopleOrganisation, eq(peopleOrganisation.id, peoplePerson.organisationId))
			.where(
				and(
					scope,
					// A merged record lives on in the kept one; an erased one has no name left to list.
					isNull(peoplePerson.mergedIntoId),
					isNull(peoplePerson.erasedAt),
					q ? or(ilike(peoplePerson.firstName, containsPattern(q)), ilike(peoplePerson.lastName, containsPattern(q))) : undefined,
					cursor ? after(order, decodeCursor(cursor, ['string', 'string']), 'asc') : undefined
				)
			)
			.orderBy(...order.map((c) => asc(c)))
			.limit(limit + 1);
		return pageOf(rows, limit, (r) => [r.firstName, r.id]);
	}
});
