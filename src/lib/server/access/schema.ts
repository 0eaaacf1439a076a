import { boolean, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id } from '../db/columns.ts';
import { peopleOrganisation, peoplePerson } from '../people/schema.ts';
import { areasArea } from '../areas/schema.ts';
import { ROLES } from './roles.ts';

// A role held by a person in an organisation, optionally narrowed to one area.
export const accessRoleGrant = pgTable(
	'access_role_grant',
	{
		id: id(),
		personId: uuid('person_id')
			.notNull()
			.references(() => peoplePerson.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ROLES }).notNull(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => peopleOrganisation.id, { onDelete: 'cascade' }),
		areaId: uuid('area_id').references(() => areasArea.id, { onDelete: 'cascade' }),
		// False for a resident role an account took on its own (chose a neighbourhood after signing up):
		// what it says is held for the neighbourhood's facilitators until one of them confirms the person.
		reviewed: boolean('reviewed').notNull().default(true),
		createdAt: createdAt()
	},
	(t) => [
		index('access_role_grant_person_idx').on(t.personId),
		uniqueIndex('access_role_grant_unique').on(
			t.personId,
			t.role,
			t.organisationId,
			sql`coalesce(${t.areaId}, '00000000-0000-0000-0000-000000000000'::uuid)`
		)
	]
);
