import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../core/index.ts';
import { peopleOrganisation, peoplePerson } from '../people/index.ts';

/** What the rights verbs decide on: the person's place, state and name, and their organisation's lawful basis. */
export async function loadPerson(ctx: Ctx, id: string, lock = false) {
	const q = ctx.db
		.select({
			id: peoplePerson.id,
			firstName: peoplePerson.firstName,
			lastName: peoplePerson.lastName,
			organisationId: peoplePerson.organisationId,
			areaId: peoplePerson.areaId,
			hasAccount: sql<boolean>`${peoplePerson.userId} is not null`,
			erasedAt: peoplePerson.erasedAt,
			archivedAt: peoplePerson.archivedAt,
			mergedIntoId: peoplePerson.mergedIntoId,
			organisation: peopleOrganisation.name,
			lawfulBasis: peopleOrganisation.lawfulBasis
		})
		.from(peoplePerson)
		.leftJoin(peopleOrganisation, eq(peopleOrganisation.id, peoplePerson.organisationId))
		.where(eq(peoplePerson.id, id));
	const [row] = lock ? await q.for('update', { of: peoplePerson }) : await q;
	return row;
}
