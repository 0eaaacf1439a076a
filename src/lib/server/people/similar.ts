import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineVerb, line, optionalLine } from '../core/index.ts';
import { permission, scopeFilter } from '../access/index.ts';
import { areasArea } from '../areas/index.ts';
import { peoplePerson } from './schema.ts';
import { personColumns } from './scope.ts';
import { rankDuplicates } from './duplicates.ts';

// Before a person is registered: who, among the people the actor may see in that organisation,
// looks like them? One query narrows by the trigram index (a similar name), duplicates.ts decides.

/** Enough for a common name in a big organisation; the scoring keeps the best five. */
const CANDIDATES = 50;

export const similarPeopleInput = z.object({
	firstName: line(1, 80),
	lastName: optionalLine(80),
	organisationId: z.uuid('error_required'),
	areaId: z.uuid().nullish(),
	birthYear: z.int().nullish()
});

export const similarPeople = defineVerb({
	name: 'people.person.similar',
	summary: 'People who look like the one about to be registered (similar name, same neighbourhood, birth year ±1), with the reasons',
	permission: permission('people.person.read'),
	input: similarPeopleInput,
	writes: false,
	access: (ctx) => scopeFilter(ctx.actor, 'people.person.read', personColumns),
	run: async (ctx, input, scope) => {
		const folded = sql`people_fold(${`${input.firstName} ${input.lastName ?? ''}`})`;
		const rows = await ctx.db
			.select({
				id: peoplePerson.id,
				firstName: peoplePerson.firstName,
				lastName: peoplePerson.lastName,
				areaId: peoplePerson.areaId,
				area: areasArea.name,
				birthYear: peoplePerson.birthYear
			})
			.from(peoplePerson)
			.leftJoin(areasArea, eq(areasArea.id, peoplePerson.areaId))
			.where(
				and(
					scope,
					eq(peoplePerson.organisationId, input.organisationId),
					isNull(peoplePerson.mergedIntoId),
					isNull(peoplePerson.erasedAt),
					sql`(${peoplePerson.searchName} % ${folded} or ${folded} <% ${peoplePerson.searchName})`
				)
			)
			.orderBy(sql`similarity(${peoplePerson.searchName}, ${folded}) desc`, peoplePerson.id)
			.limit(CANDIDATES);
		return rankDuplicates(
			{ firstName: input.firstName, lastName: input.lastName ?? null, areaId: input.areaId ?? null, birthYear: input.birthYear ?? null },
			rows
		);
	}
});
