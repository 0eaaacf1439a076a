import { and, asc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Ctx } from '../core/index.ts';
import { peopleHousehold, peopleHouseholdMember, peoplePerson } from '../people/index.ts';
import type { Theme } from '../../themes.ts';
import { networkAssignment, networkPartner, networkPartnerArea, networkRelationship, type RELATIONSHIP_TYPES } from './schema.ts';

// The rows of one map, in a few set-wise queries (never one per node): the core (a neighbourhood's
// people and households, or the worker's caseload), the ties touching the core in the period, and the
// records at their other ends — each read through the actor's scope, so another organisation's people
// never enter, not even as the far end of a tie.

export type Period = { from: string; to: string };
export type Scopes = { person: SQL | undefined; household: SQL | undefined; relationship: SQL | undefined; partnerOrganisations: string[] | null };
export type LoadQuery = {
	area?: string;
	/** The worker whose caseload is the core (their person id), when the caseload was asked for. */
	workerPersonId?: string | null;
	type?: (typeof RELATIONSHIP_TYPES)[number];
	theme?: Theme;
	period: Period;
};

export type PersonRow = { id: string; firstName: string; lastName: string | null; organisationId: string | null; areaId: string | null };
export type HouseholdRow = { id: string; name: string | null; organisationId: string; areaId: string | null };
export type PartnerRow = { id: string; name: string };
export type TieRow = { id: string; type: string; fromKey: string; toKey: string; endsOn: string | null };
export type MemberRow = { id: string; personId: string; householdId: string; leftOn: string | null };

export type Loaded = { people: PersonRow[]; households: HouseholdRow[]; partners: PartnerRow[]; ties: TieRow[]; members: MemberRow[] };

const during = (starts: AnyPgColumn, ends: AnyPgColumn, p: Period) => and(or(isNull(starts), lte(starts, p.to)), or(isNull(ends), gte(ends, p.from)));
// One array parameter, however many ids (a list of parameters would stop at PostgreSQL's 65 535).
const anyOf = (column: AnyPgColumn, ids: readonly string[]) => sql`${column} = any(${sql.param([...ids])}::uuid[])`;

const personFields = {
	id: peoplePerson.id,
	firstName: peoplePerson.firstName,
	lastName: peoplePerson.lastName,
	organisationId: peoplePerson.organisationId,
	areaId: peoplePerson.areaId
};
const householdFields = {
	id: peopleHousehold.id,
	name: peopleHousehold.name,
	organisationId: peopleHousehold.organisationId,
	areaId: peopleHousehold.areaId
};
const livePerson = and(isNull(peoplePerson.mergedIntoId), isNull(peoplePerson.erasedAt));

function people(ctx: Ctx, scopes: Scopes, where: SQL | undefined) {
	return ctx.db
		.select(personFields)
		.from(peoplePerson)
		.where(and(where, scopes.person, livePerson))
		.orderBy(asc(peoplePerson.id));
}

function households(ctx: Ctx, scopes: Scopes, where: SQL | undefined) {
	return ctx.db.select(householdFields).from(peopleHousehold).where(and(where, scopes.household)).orderBy(asc(peopleHousehold.id));
}

async function corePeople(ctx: Ctx, q: LoadQuery, scopes: Scopes): Promise<PersonRow[]> {
	const caseload =
		q.workerPersonId === undefined
			? undefined
			: inArray(
					peoplePerson.id,
					ctx.db
						.select({ id: networkAssignment.personId })
						.from(networkAssignment)
						// No person of its own (an account without one): an empty caseload, never everyone.
						.where(
							and(
								q.workerPersonId ? eq(networkAssignment.workerPersonId, q.workerPersonId) : sql`false`,
								during(networkAssignment.startsOn, networkAssignment.endsOn, q.period)
							)
						)
				);
	return people(ctx, scopes, and(q.area ? eq(peoplePerson.areaId, q.area) : undefined, caseload));
}

export async function loadNetwork(ctx: Ctx, q: LoadQuery, scopes: Scopes): Promise<Loaded> {
	const [core, coreHouseholds] = await Promise.all([
		corePeople(ctx, q, scopes),
		// A caseload's households are those its people live in (below); a neighbourhood's are its own.
		q.area && q.workerPersonId === undefined ? households(ctx, scopes, eq(peopleHousehold.areaId, q.area)) : Promise.resolve([])
	]);
	const personIds = core.map((p) => p.id);
	const householdIds = coreHouseholds.map((h) => h.id);
	const showMembers = !q.type || q.type === 'member_of';
	const [members, ties] = await Promise.all([
		showMembers && (personIds.length || householdIds.length)
			? ctx.db
					.select({
						id: peopleHouseholdMember.id,
						personId: peopleHouseholdMember.personId,
						householdId: peopleHouseholdMember.householdId,
						leftOn: peopleHouseholdMember.leftOn
					})
					.from(peopleHouseholdMember)
					.where(
						and(
							during(peopleHouseholdMember.joinedOn, peopleHouseholdMember.leftOn, q.period),
							or(anyOf(peopleHouseholdMember.personId, personIds), anyOf(peopleHouseholdMember.householdId, householdIds))
						)
					)
					.orderBy(asc(peopleHouseholdMember.id))
			: Promise.resolve([]),
		personIds.length || householdIds.length
			? ctx.db
					.select({
						id: networkRelationship.id,
						type: networkRelationship.type,
						// Generated columns, never null: the table's checks require both ends.
						fromKey: sql<string>`${networkRelationship.fromKey}`,
						toKey: sql<string>`${networkRelationship.toKey}`,
						endsOn: networkRelationship.endsOn
					})
					.from(networkRelationship)
					.where(
						and(
							scopes.relationship,
							during(networkRelationship.startsOn, networkRelationship.endsOn, q.period),
							q.type ? eq(networkRelationship.type, q.type) : undefined,
							or(
								anyOf(networkRelationship.fromPersonId, personIds),
								anyOf(networkRelationship.toPersonId, personIds),
								anyOf(networkRelationship.fromHouseholdId, householdIds),
								anyOf(networkRelationship.toHouseholdId, householdIds)
							)
						)
					)
					.orderBy(asc(networkRelationship.id))
			: Promise.resolve([])
	]);
	// The far ends: records the core is tied to, each again through the scope.
	const known = new Set([...personIds.map((id) => `person:${id}`), ...householdIds.map((id) => `household:${id}`)]);
	const far = { person: new Set<string>(), household: new Set<string>(), partner: new Set<string>() };
	for (const t of ties)
		for (const key of [t.fromKey, t.toKey]) {
			if (known.has(key)) continue;
			const [kind, id] = key.split(':') as [keyof typeof far, string];
			far[kind].add(id);
		}
	for (const m of members) {
		if (!known.has(`person:${m.personId}`)) far.person.add(m.personId);
		if (!known.has(`household:${m.householdId}`)) far.household.add(m.householdId);
	}
	const partnerWhere = and(
		scopes.partnerOrganisations ? anyOf(networkPartner.organisationId, scopes.partnerOrganisations) : undefined,
		q.theme ? sql`${q.theme} = any(${networkPartner.themes})` : undefined,
		or(
			anyOf(networkPartner.id, [...far.partner]),
			// A neighbourhood's map shows the partners serving it, tied to anyone there or not.
			q.area && q.workerPersonId === undefined
				? inArray(
						networkPartner.id,
						ctx.db.select({ id: networkPartnerArea.partnerId }).from(networkPartnerArea).where(eq(networkPartnerArea.areaId, q.area))
					)
				: undefined
		)
	);
	const [farPeople, farHouseholds, partners] = await Promise.all([
		far.person.size ? people(ctx, scopes, anyOf(peoplePerson.id, [...far.person])) : Promise.resolve([]),
		far.household.size ? households(ctx, scopes, anyOf(peopleHousehold.id, [...far.household])) : Promise.resolve([]),
		ctx.db
			.select({ id: networkPartner.id, name: networkPartner.name })
			.from(networkPartner)
			.where(partnerWhere)
			.orderBy(asc(networkPartner.name), asc(networkPartner.id))
	]);
	return { people: [...core, ...farPeople], households: [...coreHouseholds, ...farHouseholds], partners, ties, members };
}
