import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { peoplePerson } from './schema.ts';

type Person = typeof peoplePerson.$inferSelect;

// Consents are rows of people_consent, counted below with every other table that points at the person.
// A link request points at the registered person, never at an account's own record; it is not data
// the owner would lose.
const NOT_DATA = new Set(['people_link_request']);

/**
 * What an account's own person record holds beyond what sign-up wrote (a first name, the e-mail, the
 * account): the fields filled in since, and every table with a row pointing at it. Read from the
 * database's own foreign keys, so a table added by any module later is counted without anyone
 * remembering to list it here. Empty means the record may go without losing anything.
 */
export async function ownRecordHolds(db: Db, person: Person): Promise<string[]> {
	const held: string[] = [];
	const filled = {
		lastName: person.lastName !== null,
		phone: person.phone !== null,
		organisationId: person.organisationId !== null,
		areaId: person.areaId !== null,
		languages: person.languages.length > 0,
		ageGroup: person.ageGroup !== null,
		student: person.student,
		originGroup: person.originGroup !== null,
		registeredByUserId: person.registeredByUserId !== null
	};
	for (const [field, isFilled] of Object.entries(filled)) if (isFilled) held.push(`people_person.${field}`);
	const refs = await db.execute<{ schema: string; table: string; column: string }>(sql`
		SELECT n.nspname AS "schema", cl.relname AS "table", a.attname AS "column"
		FROM pg_constraint c
		JOIN pg_class cl ON cl.oid = c.conrelid
		JOIN pg_namespace n ON n.oid = cl.relnamespace
		JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
		WHERE c.contype = 'f' AND c.confrelid = 'people_person'::regclass
		ORDER BY 2, 3`);
	for (const { schema, table, column } of refs.rows) {
		if (NOT_DATA.has(table)) continue;
		const found = await db.execute(
			sql`SELECT 1 FROM ${sql.identifier(schema)}.${sql.identifier(table)} WHERE ${sql.identifier(column)} = ${person.id} LIMIT 1`
		);
		if (found.rows.length) held.push(`${table}.${column}`);
	}
	return held;
}
