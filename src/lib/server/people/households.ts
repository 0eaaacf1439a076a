import { and, asc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ForbiddenError, InvalidError, NotFoundError, containsPattern, defineVerb, optionalLine, todayInBelgium, type Ctx } from '../core/index.ts';
import { can, grantedAreas, inScope, permission, scopeFilter } from '../access/index.ts';
import { MEMBER_ROLES, peopleHousehold, peopleHouseholdMember, peoplePerson } from './schema.ts';

// Households: people who live together. Size and children are counted from the current members;
// moving out sets left_on, so "lived here until …" stays. A person is in one current household at most
// (the partial unique index people_household_member_current), which is a field error here, never a 500.

const blankToNull = (v: unknown) => (v === '' ? null : v);
const day = z.preprocess(blankToNull, z.iso.date('error_date').nullish());
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

export const memberInput = z.object({
	personId: z.uuid('people_household_error_person'),
	role: z.enum(MEMBER_ROLES, 'error_choice'),
	head: checkbox.optional().default(false),
	joinedOn: day
});

export const createHouseholdInput = z.object({
	organisationId: z.uuid('error_required'),
	areaId: z.preprocess(blankToNull, z.uuid('error_choice').nullish()),
	name: optionalLine(120),
	members: z.array(memberInput).max(30, 'error_too_long').default([])
});
export const addMemberInput = memberInput.extend({ householdId: z.uuid('error_not_found') });
export const endMemberInput = z.object({ householdId: z.uuid('error_not_found'), memberId: z.uuid('error_not_found'), leftOn: day });

const householdPlace = { organisation: peopleHousehold.organisationId, area: peopleHousehold.areaId };

type PgFailure = { code?: string; constraint?: string; cause?: PgFailure };

/** The partial unique index refused a second current household (two staff adding one person at once). */
function elsewhere(e: unknown): never {
	const pg = (e as PgFailure).cause ?? (e as PgFailure);
	if (pg.code === '23505' && pg.constraint === 'people_household_member_current')
		throw new InvalidError({ personId: 'people_household_error_elsewhere' });
	if (pg.code === '23503' && pg.constraint?.includes('area')) throw new InvalidError({ areaId: 'error_choice' });
	throw e;
}

/** A member to be: a person the actor may read, of the household's organisation; anyone else is unknown. */
async function memberToBe(ctx: Ctx, personId: string, organisationId: string) {
	const [p] = await ctx.db
		.select({ id: peoplePerson.id, organisationId: peoplePerson.organisationId, areaId: peoplePerson.areaId, erasedAt: peoplePerson.erasedAt })
		.from(peoplePerson)
		.where(eq(peoplePerson.id, personId));
	const person = inScope(ctx.actor, 'people.person.read', p && !p.erasedAt ? p : undefined);
	if (person.organisationId !== organisationId) throw new NotFoundError();
	return person;
}

async function insertMember(ctx: Ctx, householdId: string, m: z.infer<typeof memberInput>) {
	const [current] = await ctx.db
		.select({ householdId: peopleHouseholdMember.householdId })
		.from(peopleHouseholdMember)
		.where(and(eq(peopleHouseholdMember.personId, m.personId), isNull(peopleHouseholdMember.leftOn)));
	if (current)
		throw new InvalidError({ personId: current.householdId === householdId ? 'people_household_error_member' : 'people_household_error_elsewhere' });
	// One head at most: naming a new one makes the former head a plain member.
	if (m.head)
		await ctx.db
			.update(peopleHouseholdMember)
			.set({ head: false })
			.where(and(eq(peopleHouseholdMember.householdId, householdId), isNull(peopleHouseholdMember.leftOn)));
	const [row] = await ctx.db
		.insert(peopleHouseholdMember)
		.values({ householdId, personId: m.personId, role: m.role, head: m.head, joinedOn: m.joinedOn ?? todayInBelgium() })
		.returning({ id: peopleHouseholdMember.id })
		.catch(elsewhere);
	return row!;
}

export const createHousehold = defineVerb({
	name: 'people.household.create',
	summary: 'Make a household (optionally named), with its first members',
	permission: permission('people.household.manage'),
	input: createHouseholdInput,
	writes: true,
	access: async (ctx, input) => {
		const place = { organisationId: input.organisationId, areaId: input.areaId ?? null };
		if (!place.areaId && grantedAreas(ctx.actor, 'people.household.manage') !== null) throw new InvalidError({ areaId: 'error_required' });
		if (!can(ctx.actor, 'people.household.manage', place)) throw new ForbiddenError('people.household.manage');
		for (const m of input.members) await memberToBe(ctx, m.personId, place.organisationId);
		return place;
	},
	run: async (ctx, input, place) => {
		if (new Set(input.members.map((m) => m.personId)).size !== input.members.length)
			throw new InvalidError({ members: 'people_household_error_member' });
		const [row] = await ctx.db
			.insert(peopleHousehold)
			.values({ ...place, name: input.name ?? null, createdByUserId: ctx.actor.userId })
			.returning({ id: peopleHousehold.id })
			.catch(elsewhere);
		for (const m of input.members) await insertMember(ctx, row!.id, m);
		return { id: row!.id };
	},
	audit: (input, row) => ({ action: 'create', entity: 'people_household', entityId: row.id, details: { members: input.members.length } })
});

async function householdFor(ctx: Ctx, id: string, lock: boolean) {
	const q = ctx.db.select().from(peopleHousehold).where(eq(peopleHousehold.id, id));
	const [h] = lock ? await q.for('update') : await q;
	return h;
}

/** Managing a household: one who may read it but not manage it is told so (403); one who may not read it, 404. */
async function managed(ctx: Ctx, id: string) {
	const h = inScope(ctx.actor, 'people.person.read', await householdFor(ctx, id, true));
	if (!can(ctx.actor, 'people.household.manage', h)) throw new ForbiddenError('people.household.manage');
	return h;
}

export const addHouseholdMember = defineVerb({
	name: 'people.household.add_member',
	summary: 'Add a person to a household (adult or child, head of household or not)',
	permission: permission('people.household.manage'),
	input: addMemberInput,
	writes: true,
	access: async (ctx, input) => {
		const h = await managed(ctx, input.householdId);
		await memberToBe(ctx, input.personId, h.organisationId);
		return h;
	},
	run: async (ctx, input, h) => ({ ...(await insertMember(ctx, h.id, input)), householdId: h.id }),
	audit: (input, row) => ({ action: 'update', entity: 'people_household', entityId: row.householdId, details: { added: input.personId } })
});

export const endHouseholdMember = defineVerb({
	name: 'people.household.end_member',
	summary: 'A member moves out on a day (today by default): kept as history',
	permission: permission('people.household.manage'),
	input: endMemberInput,
	writes: true,
	access: (ctx, input) => managed(ctx, input.householdId),
	run: async (ctx, input, h) => {
		const [m] = await ctx.db
			.select()
			.from(peopleHouseholdMember)
			.where(and(eq(peopleHouseholdMember.id, input.memberId), eq(peopleHouseholdMember.householdId, h.id)));
		if (!m) throw new NotFoundError();
		if (m.leftOn) throw new InvalidError({ leftOn: 'people_household_error_left' });
		const leftOn = input.leftOn ?? todayInBelgium();
		if (m.joinedOn && leftOn < m.joinedOn) throw new InvalidError({ leftOn: 'people_household_error_left_before' });
		await ctx.db.update(peopleHouseholdMember).set({ leftOn, head: false }).where(eq(peopleHouseholdMember.id, m.id));
		return { householdId: h.id, memberId: m.id, personId: m.personId, leftOn };
	},
	audit: (_input, out) => ({
		action: 'update',
		entity: 'people_household',
		entityId: out.householdId,
		details: { left: out.personId, leftOn: out.leftOn }
	})
});

/** One household with its members, now and before; the read names people, so it is audited. */
export const getHousehold = defineVerb({
	name: 'people.household.read',
	summary: 'One household: its members now and before, its size and number of children (the read is audited)',
	permission: permission('people.person.read'),
	input: z.object({ id: z.uuid('error_not_found') }),
	writes: false,
	access: async (ctx, { id }) => inScope(ctx.actor, 'people.person.read', await householdFor(ctx, id, false)),
	run: async (ctx, _input, h) => {
		const members = await ctx.db
			.select({
				id: peopleHouseholdMember.id,
				personId: peopleHouseholdMember.personId,
				firstName: peoplePerson.firstName,
				lastName: peoplePerson.lastName,
				role: peopleHouseholdMember.role,
				head: peopleHouseholdMember.head,
				joinedOn: peopleHouseholdMember.joinedOn,
				leftOn: peopleHouseholdMember.leftOn
			})
			.from(peopleHouseholdMember)
			.innerJoin(peoplePerson, eq(peoplePerson.id, peopleHouseholdMember.personId))
			.where(eq(peopleHouseholdMember.householdId, h.id))
			.orderBy(sql`${peopleHouseholdMember.head} desc`, asc(peopleHouseholdMember.role), asc(peoplePerson.firstName));
		const current = members.filter((m) => !m.leftOn);
		return {
			id: h.id,
			name: h.name,
			organisationId: h.organisationId,
			areaId: h.areaId,
			members: current,
			past: members.filter((m) => m.leftOn),
			size: current.length,
			children: current.filter((m) => m.role === 'child').length
		};
	},
	audit: ({ id }) => ({ action: 'read', entity: 'people_household', entityId: id })
});

/** The household a person lives in now (null: none), for the person's ties tab. */
export const personHousehold = defineVerb({
	name: 'people.household.of_person',
	summary: 'The household a person belongs to now',
	permission: permission('people.person.read'),
	input: z.object({ personId: z.uuid('error_not_found') }),
	writes: false,
	access: async (ctx, { personId }) => {
		const [p] = await ctx.db
			.select({ id: peoplePerson.id, organisationId: peoplePerson.organisationId, areaId: peoplePerson.areaId })
			.from(peoplePerson)
			.where(eq(peoplePerson.id, personId));
		return inScope(ctx.actor, 'people.person.read', p);
	},
	run: async (ctx, _input, p) => {
		const [m] = await ctx.db
			.select({ householdId: peopleHouseholdMember.householdId })
			.from(peopleHouseholdMember)
			.where(and(eq(peopleHouseholdMember.personId, p.id), isNull(peopleHouseholdMember.leftOn)));
		return m?.householdId ?? null;
	}
});

/** Households in the actor's scope whose name, or a current member's name, holds `q` (the "add to a household" search). */
export const findHouseholds = defineVerb({
	name: 'people.household.find',
	summary: 'Households by their name or a current member’s name',
	permission: permission('people.person.read'),
	input: z.object({ q: z.string().trim().min(1, 'error_required').max(80, 'error_too_long'), organisationId: z.uuid().optional() }),
	writes: false,
	access: (ctx) => scopeFilter(ctx.actor, 'people.person.read', householdPlace),
	run: async (ctx, { q, organisationId }, scope) => {
		const like = containsPattern(q);
		const named = ctx.db
			.select({ id: peopleHouseholdMember.householdId })
			.from(peopleHouseholdMember)
			.innerJoin(peoplePerson, eq(peoplePerson.id, peopleHouseholdMember.personId))
			.where(and(isNull(peopleHouseholdMember.leftOn), or(ilike(peoplePerson.firstName, like), ilike(peoplePerson.lastName, like))));
		const rows = await ctx.db
			.select({
				id: peopleHousehold.id,
				name: peopleHousehold.name,
				members: sql<string>`coalesce((select string_agg(p.first_name, ', ' order by p.first_name) from people_household_member m join people_person p on p.id = m.person_id where m.household_id = "people_household"."id" and m.left_on is null), '')`
			})
			.from(peopleHousehold)
			.where(
				and(
					scope,
					organisationId ? eq(peopleHousehold.organisationId, organisationId) : undefined,
					or(ilike(peopleHousehold.name, like), inArray(peopleHousehold.id, named))
				)
			)
			.orderBy(asc(peopleHousehold.name))
			.limit(20);
		return rows;
	}
});
