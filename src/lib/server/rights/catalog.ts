import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';

/** A column of some table whose foreign key points at people_person. */
export type Reference = { table: string; column: string };

/**
 * Every column that references a person, read from PostgreSQL's own catalog of foreign keys (as the
 * merge and own-record.ts do), so a table any module adds later is exported without anyone listing it.
 * The erasure's decisions (erase.ts) are checked against this same list by a test.
 */
export async function personReferences(db: Db): Promise<Reference[]> {
	const { rows } = await db.execute<Reference>(sql`
		SELECT cl.relname AS "table", a.attname AS "column"
		FROM pg_constraint c
		JOIN pg_class cl ON cl.oid = c.conrelid
		JOIN pg_namespace n ON n.oid = cl.relnamespace
		JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
		WHERE c.contype = 'f' AND c.confrelid = 'people_person'::regclass AND n.nspname = 'public'
		ORDER BY 1, 2`);
	return rows;
}

/**
 * The person's own id and the ids of every record merged into it (a merge keeps the old row pointing
 * at the kept one, so their history is still theirs), followed down the chain: a record merged into
 * one that was merged in turn still counts.
 */
export async function personRecordIds(db: Db, personId: string): Promise<string[]> {
	const { rows } = await db.execute<{ id: string }>(sql`
		WITH RECURSIVE ids AS (
			SELECT id FROM people_person WHERE id = ${personId}
			UNION
			SELECT p.id FROM people_person p JOIN ids ON p.merged_into_id = ids.id
		)
		SELECT id FROM ids`);
	return rows.map((r) => r.id);
}
