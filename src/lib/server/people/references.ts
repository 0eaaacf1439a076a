import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';

export type Reference = { schema: string; table: string; column: string };

/**
 * Every column that references people_person(id), read from PostgreSQL's catalog at run time, so a
 * table any module adds later is found without anyone remembering to list it (merge, counts).
 */
export async function personReferences(db: Db): Promise<Reference[]> {
	const refs = await db.execute<Reference & { columns: number }>(sql`
		SELECT n.nspname AS "schema", cl.relname AS "table", a.attname AS "column", cardinality(c.conkey) AS "columns"
		FROM pg_constraint c
		JOIN pg_class cl ON cl.oid = c.conrelid
		JOIN pg_namespace n ON n.oid = cl.relnamespace
		JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
		WHERE c.contype = 'f' AND c.confrelid = 'people_person'::regclass
		ORDER BY 2, 3`);
	// A key of several columns would need its own rule; none exists, and a new one must not pass unseen.
	const wide = refs.rows.find((r) => Number(r.columns) !== 1);
	if (wide) throw new Error(`${wide.table} references people_person with several columns: teach people/merge.ts how to move it`);
	return refs.rows.map(({ schema, table, column }) => ({ schema, table, column }));
}

/** How many rows of each referencing column point at each of these people ("table.column" → count). */
export async function countReferences(db: Db, personIds: string[]): Promise<Record<string, Record<string, number>>> {
	const out: Record<string, Record<string, number>> = Object.fromEntries(personIds.map((id) => [id, {}]));
	for (const { schema, table, column } of await personReferences(db)) {
		const { rows } = await db.execute<{ id: string; n: number }>(
			sql`SELECT ${sql.identifier(column)} AS id, count(*)::int AS n FROM ${sql.identifier(schema)}.${sql.identifier(table)}
				WHERE ${sql.identifier(column)} = ANY (${sql`array[${sql.join(
					personIds.map((id) => sql`${id}::uuid`),
					sql`, `
				)}]`}) GROUP BY 1`
		);
		for (const r of rows) out[r.id]![`${table}.${column}`] = r.n;
	}
	return out;
}
