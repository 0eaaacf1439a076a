import { and, asc, eq, ilike, inArray, or } from 'drizzle-orm';
import { audit, ConflictError, containsPattern, type Ctx, inTransaction, InvalidError, NotFoundError } from '../core/index.ts';
import { grantedAreas, grantedOrganisations, requirePermission, scopeFilter } from '../access/index.ts';
import { peopleOrganisation, peoplePerson } from './schema.ts';
import { personColumns } from './scope.ts';
import type { CreateOrganisationInput, RegisterPersonInput } from './validation.ts';

export async function createOrganisation(ctx: Ctx, input: CreateOrganisationInput) {
	requirePermission(ctx.actor, 'admin.organisation.manage');
	return inTransaction(ctx, async (t) => {
		const [row] = await t.db.insert(peopleOrganisation).values(input).onConflictDoNothing().returning();
		if (!row) throw new ConflictError('error_name_taken');
		await audit(t, { action: 'create', entity: 'people_organisation', entityId: row.id });
		return row;
	});
}

/** Organisations are not personal data: any signed-in person may see their names. */
export async function listOrganisations(ctx: Ctx) {
	requirePermission(ctx.actor, 'areas.area.read');
	return ctx.db.select().from(peopleOrganisation).orderBy(asc(peopleOrganisation.name));
}

/**
 * Where the actor may register people: these organisations, and these areas (null = any area).
 * The registration form offers only these, so nobody is offered a choice that will be refused.
 */
export async function registerChoices(ctx: Ctx) {
	requirePermission(ctx.actor, 'people.person.register');
	const organisationIds = grantedOrganisations(ctx.actor, 'people.person.register');
	const organisations = await ctx.db
		.select({ id: peopleOrganisation.id, name: peopleOrganisation.name })
		.from(peopleOrganisation)
		.where(organisationIds ? inArray(peopleOrganisation.id, organisationIds) : undefined)
		.orderBy(asc(peopleOrganisation.name));
	return { organisations, areaIds: grantedAreas(ctx.actor, 'people.person.register') };
}

/** Registers someone met at office hours or in the street, without an account. */
export async function registerPerson(ctx: Ctx, input: RegisterPersonInput) {
	// Someone bound to areas cannot register a person without one: nobody they work with could see them.
	if (!input.areaId && grantedAreas(ctx.actor, 'people.person.register') !== null) throw new InvalidError({ areaId: 'error_required' });
	requirePermission(ctx.actor, 'people.person.register', { organisationId: input.organisationId, areaId: input.areaId ?? null });
	return inTransaction(ctx, async (t) => {
		const [row] = await t.db
			.insert(peoplePerson)
			// Origin is kept only with consent for the intercultural figures (least data).
			.values({ ...input, originGroup: input.interculturalConsent ? (input.originGroup ?? null) : null, registeredByUserId: ctx.actor.userId })
			.returning();
		await audit(t, {
			action: 'create',
			entity: 'people_person',
			entityId: row!.id,
			details: { contactConsent: input.contactConsent, interculturalConsent: input.interculturalConsent }
		});
		return row!;
	});
}

const readable = (ctx: Ctx) => scopeFilter(ctx.actor, 'people.person.read', personColumns);

/** People registered by the actor's organisations (and areas), newest name first. */
export async function listPeople(ctx: Ctx, opts: { q?: string; limit?: number } = {}) {
	requirePermission(ctx.actor, 'people.person.read');
	const q = opts.q?.trim().slice(0, 80);
	const filters = [
		readable(ctx),
		q ? or(ilike(peoplePerson.firstName, containsPattern(q)), ilike(peoplePerson.lastName, containsPattern(q))) : undefined
	];
	return ctx.db
		.select({
			id: peoplePerson.id,
			firstName: peoplePerson.firstName,
			lastName: peoplePerson.lastName,
			hasAccount: peoplePerson.userId,
			organisation: peopleOrganisation.name,
			createdAt: peoplePerson.createdAt
		})
		.from(peoplePerson)
		.leftJoin(peopleOrganisation, eq(peopleOrganisation.id, peoplePerson.organisationId))
		.where(and(...filters.filter(Boolean)))
		.orderBy(asc(peoplePerson.firstName))
		.limit(Math.min(opts.limit ?? 100, 500));
}

/** One person with contact details: a sensitive read, so it is audited. */
export async function getPerson(ctx: Ctx, id: string, reason?: string) {
	requirePermission(ctx.actor, 'people.person.read');
	const [row] = await ctx.db
		.select()
		.from(peoplePerson)
		.where(and(eq(peoplePerson.id, id), readable(ctx)));
	if (!row) throw new NotFoundError();
	await audit(ctx, { action: 'read', entity: 'people_person', entityId: id, reason: reason ?? null });
	return row;
}
