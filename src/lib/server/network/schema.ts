import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../db/columns.ts';
import { authUser } from '../auth/schema.ts';
import { areasArea } from '../areas/schema.ts';
import { peopleHousehold, peopleOrganisation, peoplePerson } from '../people/schema.ts';
import { THEMES } from '../../themes.ts';

// The web a community worker knows (issue 13): the partner organisations they refer people to, the
// ties between people, households and organisations, and who is whose worker.

export const PARTNER_KINDS = [
	'welfare',
	'youth',
	'child_family',
	'school',
	'housing',
	'health',
	'mental_health',
	'police',
	'association',
	'city_service',
	'other'
] as const;

// A partner organisation as the worker knows it: not a tenant of Wijkweb, a record of the tenant
// organisation (organisation_id) that keeps it, seen by all of that organisation's staff.
export const networkPartner = pgTable(
	'network_partner',
	{
		id: id(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => peopleOrganisation.id),
		name: text('name').notNull(),
		kind: text('kind', { enum: PARTNER_KINDS }).notNull(),
		address: text('address'),
		phone: text('phone'),
		email: text('email'),
		website: text('website'),
		themes: text('themes', { enum: THEMES })
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		note: text('note'),
		createdByUserId: text('created_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('network_partner_org_idx').on(t.organisationId, t.name)]
);

/** The neighbourhoods a partner serves. */
export const networkPartnerArea = pgTable(
	'network_partner_area',
	{
		partnerId: uuid('partner_id')
			.notNull()
			.references(() => networkPartner.id, { onDelete: 'cascade' }),
		areaId: uuid('area_id')
			.notNull()
			.references(() => areasArea.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.partnerId, t.areaId] }), index('network_partner_area_area_idx').on(t.areaId)]
);

export const NODE_KINDS = ['person', 'household', 'partner'] as const;
export const RELATIONSHIP_TYPES = ['knows', 'family', 'neighbour', 'member_of', 'contact_person_at', 'works_with', 'referred_to'] as const;
/**
 * What a tie lets the other end do with a record (room for sharing with partners, issue 14): nothing
 * (a social tie), or view. Modelled from the start so that a view-only tie never needs a migration.
 */
export const TIE_ACCESS = ['none', 'view'] as const;

// One row per relationship, stored once, read both ways. Each end is one of a person, a household or a
// partner, with a real foreign key each (a merge or an erasure finds them like any other reference);
// from_key/to_key ("person:<uuid>") are generated so that "all ties of X" is one indexed lookup.
export const networkRelationship = pgTable(
	'network_relationship',
	{
		id: id(),
		// Whose record it is: scoped like a person.
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => peopleOrganisation.id),
		areaId: uuid('area_id').references(() => areasArea.id),
		type: text('type', { enum: RELATIONSHIP_TYPES }).notNull(),
		fromKind: text('from_kind', { enum: NODE_KINDS }).notNull(),
		fromPersonId: uuid('from_person_id').references(() => peoplePerson.id, { onDelete: 'cascade' }),
		fromHouseholdId: uuid('from_household_id').references(() => peopleHousehold.id, { onDelete: 'cascade' }),
		fromPartnerId: uuid('from_partner_id').references(() => networkPartner.id, { onDelete: 'cascade' }),
		toKind: text('to_kind', { enum: NODE_KINDS }).notNull(),
		toPersonId: uuid('to_person_id').references(() => peoplePerson.id, { onDelete: 'cascade' }),
		toHouseholdId: uuid('to_household_id').references(() => peopleHousehold.id, { onDelete: 'cascade' }),
		toPartnerId: uuid('to_partner_id').references(() => networkPartner.id, { onDelete: 'cascade' }),
		fromKey: text('from_key').generatedAlwaysAs(sql`from_kind || ':' || coalesce(from_person_id, from_household_id, from_partner_id)::text`),
		toKey: text('to_key').generatedAlwaysAs(sql`to_kind || ':' || coalesce(to_person_id, to_household_id, to_partner_id)::text`),
		// "Contact person at": the role there ("social worker"); free text, short.
		role: text('role'),
		note: text('note'),
		access: text('access', { enum: TIE_ACCESS }).notNull().default('none'),
		startsOn: date('starts_on'),
		// Ending keeps the row: the map of a past period still shows it.
		endsOn: date('ends_on'),
		createdByUserId: text('created_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('network_relationship_from_idx').on(t.fromKey),
		index('network_relationship_to_idx').on(t.toKey),
		index('network_relationship_place_idx').on(t.organisationId, t.areaId),
		check(
			'network_relationship_from_one',
			sql`num_nonnulls(${t.fromPersonId}, ${t.fromHouseholdId}, ${t.fromPartnerId}) = 1 and (${t.fromKind} = 'person') = (${t.fromPersonId} is not null) and (${t.fromKind} = 'household') = (${t.fromHouseholdId} is not null)`
		),
		check(
			'network_relationship_to_one',
			sql`num_nonnulls(${t.toPersonId}, ${t.toHouseholdId}, ${t.toPartnerId}) = 1 and (${t.toKind} = 'person') = (${t.toPersonId} is not null) and (${t.toKind} = 'household') = (${t.toHouseholdId} is not null)`
		),
		check('network_relationship_not_self', sql`${t.fromKey} <> ${t.toKey}`),
		check('network_relationship_dates', sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`)
	]
);

// Who is a person's worker: work, not a social tie (a closed case must not lose its worker's history,
// and ending a tie must not end the work). A worker is a person with an account and a staff role.
export const networkAssignment = pgTable(
	'network_assignment',
	{
		id: id(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => peopleOrganisation.id),
		areaId: uuid('area_id').references(() => areasArea.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => peoplePerson.id, { onDelete: 'cascade' }),
		workerPersonId: uuid('worker_person_id')
			.notNull()
			.references(() => peoplePerson.id, { onDelete: 'cascade' }),
		startsOn: date('starts_on').notNull().defaultNow(),
		endsOn: date('ends_on'),
		createdAt: createdAt()
	},
	(t) => [
		index('network_assignment_worker_idx').on(t.workerPersonId, t.endsOn),
		index('network_assignment_person_idx').on(t.personId),
		check('network_assignment_not_self', sql`${t.personId} <> ${t.workerPersonId}`)
	]
);
