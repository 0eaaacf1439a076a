import { asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ConflictError, InvalidError, defineVerb } from '../core/index.ts';
import { inScope, permission } from '../access/index.ts';
import type { Db } from '../db/index.ts';
import { peoplePerson } from './schema.ts';
import { personReferences } from './references.ts';

// Two records of one person become one (issue 13). Every row that points at the merged record is
// moved to the kept one: the referencing columns are read from PostgreSQL's catalog at run time
// (references.ts), so a table added next year moves too. Where moving would break a unique or check
// constraint, a small explicit list below says what happens, and the audit row says what it did.
// A table that hits a constraint not in the list makes the merge fail whole (409): it never loses a
// row silently. The merged record keeps its id, place and merged_into_id, and loses its personal fields.

/** The fields whose value may come from either record; the kept record's by default. */
export const MERGE_FIELDS = [
	'firstName',
	'lastName',
	'birthYear',
	'email',
	'phone',
	'areaId',
	'preferredChannel',
	'languages',
	'countryOfOrigin',
	'ageGroup'
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export const mergePeopleInput = z.object({
	id: z.uuid('error_not_found'),
	into: z.uuid('error_not_found'),
	// Not given: the kept record's values, and the merged one's where the kept record has none.
	fromMerged: z.array(z.enum(MERGE_FIELDS, 'error_choice')).max(MERGE_FIELDS.length, 'error_too_long').optional()
});

type Row = typeof peoplePerson.$inferSelect;

const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

type Resolved = Record<string, number>;

/**
 * The constraints a move would break, table by table, and what is done about each (before the move):
 * the kept record's row stays; the merged one's is ended, added in, or deleted.
 */
async function resolveConflicts(db: Db, merged: string, kept: string): Promise<Resolved> {
	const count = async (label: string, query: ReturnType<typeof sql>, out: Resolved) => {
		const r = await db.execute(query);
		if (r.rowCount) out[label] = r.rowCount;
	};
	const out: Resolved = {};
	// One current household per person: the merged record's current membership ends today.
	await count(
		'people_household_member.ended',
		sql`UPDATE people_household_member m SET left_on = greatest(current_date, coalesce(m.joined_on, current_date))
			WHERE m.person_id = ${merged} AND m.left_on IS NULL
				AND EXISTS (SELECT 1 FROM people_household_member k WHERE k.person_id = ${kept} AND k.left_on IS NULL)`,
		out
	);
	// One unfinished question-page draft per kind: the kept record's stays.
	await count(
		'aid_draft.deleted',
		sql`DELETE FROM aid_draft d WHERE d.person_id = ${merged} AND EXISTS (SELECT 1 FROM aid_draft k WHERE k.person_id = ${kept} AND k.kind = d.kind)`,
		out
	);
	// A role held by both records is one role.
	await count(
		'access_role_grant.deleted',
		sql`DELETE FROM access_role_grant g WHERE g.person_id = ${merged} AND EXISTS (SELECT 1 FROM access_role_grant k
			WHERE k.person_id = ${kept} AND k.role = g.role AND k.organisation_id = g.organisation_id
				AND k.area_id IS NOT DISTINCT FROM g.area_id)`,
		out
	);
	// Experience counts per category: added into the kept record's row.
	await count(
		'aid_experience.added',
		sql`UPDATE aid_experience k SET links = k.links + m.links FROM aid_experience m
			WHERE k.person_id = ${kept} AND m.person_id = ${merged}
				AND k.category = m.category AND k.organisation_id = m.organisation_id AND k.age_group = m.age_group`,
		out
	);
	await db.execute(sql`DELETE FROM aid_experience m WHERE m.person_id = ${merged} AND EXISTS (SELECT 1 FROM aid_experience k
		WHERE k.person_id = ${kept} AND k.category = m.category AND k.organisation_id = m.organisation_id AND k.age_group = m.age_group)`);
	// Feedback given once per link.
	await count(
		'aid_feedback.deleted',
		sql`DELETE FROM aid_feedback f WHERE f.person_id = ${merged} AND EXISTS (SELECT 1 FROM aid_feedback k WHERE k.person_id = ${kept} AND k.link_id = f.link_id)`,
		out
	);
	// A tie or an assignment between the two records would become one with itself.
	await count(
		'network_relationship.deleted',
		sql`DELETE FROM network_relationship WHERE (from_person_id = ${merged} AND to_person_id = ${kept}) OR (from_person_id = ${kept} AND to_person_id = ${merged})`,
		out
	);
	await count(
		'network_assignment.deleted',
		sql`DELETE FROM network_assignment WHERE (person_id = ${merged} AND worker_person_id = ${kept}) OR (person_id = ${kept} AND worker_person_id = ${merged})`,
		out
	);
	// Someone on one contact twice would be one party twice (fieldwork_contact_party_person_once): the kept row stays.
	await count(
		'fieldwork_contact_party.deleted',
		sql`DELETE FROM fieldwork_contact_party p WHERE p.person_id = ${merged}
			AND EXISTS (SELECT 1 FROM fieldwork_contact_party k WHERE k.person_id = ${kept} AND k.contact_id = p.contact_id)`,
		out
	);
	// Activities (issue 15): both records at one session would be one person there twice (the attendance
	// primary key is session and person): the kept record's row stays, so the session counts one person.
	await count(
		'activities_attendance.deleted',
		sql`DELETE FROM activities_attendance a WHERE a.person_id = ${merged}
			AND EXISTS (SELECT 1 FROM activities_attendance k WHERE k.person_id = ${kept} AND k.session_id = a.session_id)`,
		out
	);
	// Both registered for the same series or session (one live registration per person): the kept one stays,
	// the merged one is cancelled (kept as a row, out of the unique index).
	await count(
		'activities_registration.cancelled',
		sql`UPDATE activities_registration r SET status = 'cancelled', updated_at = now() WHERE r.person_id = ${merged} AND r.status <> 'cancelled'
			AND EXISTS (SELECT 1 FROM activities_registration k WHERE k.person_id = ${kept} AND k.status <> 'cancelled'
				AND k.activity_id = r.activity_id AND k.session_id IS NOT DISTINCT FROM r.session_id)`,
		out
	);
	return out;
}

type PgFailure = { code?: string; table?: string; cause?: PgFailure };

/** Every referencing row of `merged` now points at `kept` ("table.column" → rows moved). */
async function moveReferences(db: Db, merged: string, kept: string): Promise<Record<string, number>> {
	const moved: Record<string, number> = {};
	for (const { schema, table, column } of await personReferences(db)) {
		const r = await db
			.execute(
				sql`UPDATE ${sql.identifier(schema)}.${sql.identifier(table)} SET ${sql.identifier(column)} = ${kept} WHERE ${sql.identifier(column)} = ${merged}`
			)
			.catch((e: unknown) => {
				const pg = (e as PgFailure).cause ?? (e as PgFailure);
				// A constraint the list above does not know: refuse the whole merge rather than drop a row.
				if (pg.code === '23505' || pg.code === '23514') throw new ConflictError('people_error_merge_conflict');
				throw e;
			});
		if (r.rowCount) moved[`${table}.${column}`] = r.rowCount;
	}
	return moved;
}

/** The values the kept record ends with: its own, or the merged one's for the fields chosen. */
function keptValues(merged: Row, kept: Row, fromMerged: readonly MergeField[] | undefined) {
	const take = fromMerged ?? MERGE_FIELDS.filter((f) => empty(kept[f]) && !empty(merged[f]));
	const values: Partial<typeof peoplePerson.$inferInsert> = {};
	for (const f of take) Object.assign(values, { [f]: merged[f] });
	if (take.includes('countryOfOrigin')) values.originGroup = merged.originGroup;
	return { values, take };
}

/** Merges the record `id` into `into`: the kept record gets everything; the audit names both ids. */
export const mergePeople = defineVerb({
	name: 'people.person.merge',
	summary: 'Merge two records of one person: every link, need, offer, tie, consent and assignment moves to the kept one',
	permission: permission('people.person.merge'),
	input: mergePeopleInput,
	writes: true,
	access: async (ctx, { id, into }) => {
		if (id === into) throw new InvalidError({ into: 'people_error_merge_self' });
		// Both rows locked, in id order, so two merges of the same pair cannot cross.
		const rows = await ctx.db
			.select()
			.from(peoplePerson)
			.where(inArray(peoplePerson.id, [id, into]))
			.orderBy(asc(peoplePerson.id))
			.for('update');
		const merged = inScope(
			ctx.actor,
			'people.person.merge',
			rows.find((r) => r.id === id)
		);
		const kept = inScope(
			ctx.actor,
			'people.person.merge',
			rows.find((r) => r.id === into)
		);
		if (merged.organisationId !== kept.organisationId) throw new InvalidError({ into: 'people_error_merge_other_organisation' });
		if (merged.mergedIntoId || merged.erasedAt || kept.mergedIntoId || kept.erasedAt) throw new ConflictError('people_error_person_closed');
		if (merged.archivedAt || kept.archivedAt) throw new ConflictError('people_error_person_archived');
		// Two accounts are two people signing in: merging would lock one of them out.
		if (merged.userId && kept.userId) throw new ConflictError('people_error_merge_two_accounts');
		return { merged, kept };
	},
	run: async (ctx, { fromMerged }, { merged, kept }) => {
		const resolved = await resolveConflicts(ctx.db, merged.id, kept.id);
		const moved = await moveReferences(ctx.db, merged.id, kept.id);
		const { values, take } = keptValues(merged, kept, fromMerged);
		// The merged record's personal fields go; its id, place and the pointer stay (old links land on the kept one).
		await ctx.db
			.update(peoplePerson)
			.set({
				firstName: '',
				lastName: null,
				email: null,
				phone: null,
				userId: null,
				languages: [],
				ageGroup: null,
				birthYear: null,
				preferredChannel: null,
				countryOfOrigin: null,
				originGroup: null,
				mergedIntoId: kept.id,
				updatedAt: new Date()
			})
			.where(eq(peoplePerson.id, merged.id));
		const lastSeenAt = merged.lastSeenAt > kept.lastSeenAt ? merged.lastSeenAt : kept.lastSeenAt;
		await ctx.db
			.update(peoplePerson)
			.set({ ...values, ...(merged.userId ? { userId: merged.userId } : {}), lastSeenAt, updatedAt: new Date() })
			.where(eq(peoplePerson.id, kept.id));
		return { id: kept.id, mergedId: merged.id, fromMerged: take, moved, resolved, accountMoved: !!merged.userId };
	},
	// Rows about the merged record stay as they were (the log is append-only); this one names both.
	audit: (_input, out) => ({
		action: 'update',
		entity: 'people_person',
		entityId: out.id,
		details: {
			merge: { mergedId: out.mergedId, keptId: out.id },
			fromMerged: out.fromMerged,
			moved: out.moved,
			resolved: out.resolved,
			accountMoved: out.accountMoved
		}
	})
});
