import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineVerb } from '../core/index.ts';
import { permission, scopeFilter } from '../access/index.ts';
import { areasArea } from '../areas/index.ts';
import { peoplePerson } from './schema.ts';
import { personColumns } from './scope.ts';

// Finding a person by name on city-scale data: accent- and case-insensitive through the folded
// `search_name` (people_fold, the same SQL function folds the query), served by its trigram index.
// `q <% search_name` (word similarity) finds "celine" inside "celine dupont" and forgives a typo;
// names that start with what was typed come first, then the closest.

export const SEARCH_MAX = 20;
/** pg_trgm's default word_similarity_threshold: below it a name does not look like what was typed. */
const WORD_THRESHOLD = 0.6;

export const searchPeopleInput = z.object({
	q: z
		.string()
		.trim()
		.max(200, 'error_too_long')
		.transform((q) => q.slice(0, 80))
});

export const searchPeople = defineVerb({
	name: 'people.person.search',
	summary: 'People whose name looks like what was typed (accents and case ignored), best first, at most 20',
	permission: permission('people.person.read'),
	input: searchPeopleInput,
	writes: false,
	access: (ctx) => scopeFilter(ctx.actor, 'people.person.read', personColumns),
	run: async (ctx, { q }, scope) => {
		if (!q) return [];
		const folded = sql`people_fold(${q})`;
		// The nearest names by word similarity through the GiST index (KNN: no sort of every match, which a
		// common first name would make thousands); then those that pass pg_trgm's word threshold, names
		// that start with what was typed first.
		const rows = await ctx.db
			.select({
				id: peoplePerson.id,
				firstName: peoplePerson.firstName,
				lastName: peoplePerson.lastName,
				birthYear: peoplePerson.birthYear,
				areaId: peoplePerson.areaId,
				area: areasArea.name,
				word: sql<number>`word_similarity(${folded}, ${peoplePerson.searchName})`,
				whole: sql<number>`similarity(${folded}, ${peoplePerson.searchName})`,
				prefix: sql<boolean>`starts_with(${peoplePerson.searchName}, ${folded})`
			})
			.from(peoplePerson)
			.leftJoin(areasArea, eq(areasArea.id, peoplePerson.areaId))
			.where(and(scope, isNull(peoplePerson.mergedIntoId), isNull(peoplePerson.erasedAt)))
			.orderBy(sql`${folded} <<-> ${peoplePerson.searchName}`)
			.limit(SEARCH_MAX);
		return rows
			.filter((r) => r.word >= WORD_THRESHOLD)
			.sort(
				(a, b) =>
					Number(b.prefix) - Number(a.prefix) ||
					b.word - a.word ||
					b.whole - a.whole ||
					a.firstName.localeCompare(b.firstName) ||
					a.id.localeCompare(b.id)
			)
			.map(({ word: _w, whole: _s, prefix: _p, ...r }) => r);
	}
});
