import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { personRecordIds, personReferences } from './catalog.ts';
import { consultationRows, type ConsultationEntry } from './consultation.ts';

// Everything held about a person (GDPR art. 15 and 20), across modules. The tables are found from
// the database's foreign keys to people_person, so a new table is in the export the day it exists;
// the rows reached only through another row (a need's links, a consent's text) are added by name.
// Rows are exported as PostgreSQL writes them (to_jsonb: snake_case columns, ISO times), minus the
// secrets below, which are not data about the person but keys to their account.

type Row = Record<string, unknown>;

/** Columns never exported: hashes and tokens (they would let the file's reader sign in as the person). */
const SECRETS: Record<string, string[]> = {
	people_link_request: ['token_hash'],
	auth_session: ['token'],
	auth_account: ['password', 'access_token', 'refresh_token', 'id_token'],
	auth_api_token: ['token_hash']
};

export type PersonExport = {
	format: 'wijkweb-person-export';
	version: 1;
	exportedAt: string;
	personId: string;
	/** This record and every record merged into it. */
	recordIds: string[];
	person: Row;
	/** Per table: its rows that reference the person (or a record merged into them). */
	records: Record<string, Row[]>;
	/** Rows reached through those: the links of their needs and offers, feedback on them, households, consent texts. */
	related: Record<string, Row[]>;
	account: { user: Row; sessions: Row[]; logins: Row[]; apiTokens: Row[] } | null;
	consultationLog: ConsultationEntry[];
};

const omit = (table: string) => sql`${sql.param(SECRETS[table] ?? [])}::text[]`;

async function rowsOf(db: Db, table: string, where: SQL): Promise<Row[]> {
	const t = sql.identifier(table);
	const { rows } = await db.execute<{ rows: Row[] }>(
		sql`SELECT coalesce(jsonb_agg(to_jsonb(x) - ${omit(table)}), '[]'::jsonb) AS rows FROM ${t} x WHERE ${where}`
	);
	return rows[0]?.rows ?? [];
}

const anyOf = (column: string, ids: string[]) => sql`${sql.identifier(column)} = ANY(${sql.param(ids)}::uuid[])`;

/** The export of the person `personId` (the kept record of a merge), consultation log included. */
export async function collectPersonData(db: Db, personId: string): Promise<PersonExport> {
	const ids = await personRecordIds(db, personId);
	const refs = await personReferences(db);
	const byTable = new Map<string, string[]>();
	for (const r of refs)
		if (!(r.table === 'people_person' && r.column === 'merged_into_id')) byTable.set(r.table, [...(byTable.get(r.table) ?? []), r.column]);
	const records: Record<string, Row[]> = {};
	for (const [table, columns] of byTable)
		records[table] = await rowsOf(
			db,
			table,
			sql.join(
				columns.map((c) => anyOf(c, ids)),
				sql` OR `
			)
		);

	const [person] = await rowsOf(db, 'people_person', sql`id = ${personId}`);
	const merged = ids.length > 1 ? await rowsOf(db, 'people_person', sql`id = ANY(${sql.param(ids.filter((i) => i !== personId))}::uuid[])`) : [];
	const related = await relatedRows(db, ids, records);
	if (merged.length) related.people_person_merged = merged;
	const userId = typeof person?.user_id === 'string' ? person.user_id : null;
	return {
		format: 'wijkweb-person-export',
		version: 1,
		exportedAt: new Date().toISOString(),
		personId,
		recordIds: ids,
		person: person ?? {},
		records,
		related,
		account: userId ? await accountOf(db, userId) : null,
		consultationLog: await consultationRows(db, { ids, related: auditTargets(records, related, userId), limit: null })
	};
}

const idsIn = (rows: Row[] | undefined, key = 'id') => (rows ?? []).map((r) => r[key]).filter((v): v is string => typeof v === 'string');

async function relatedRows(db: Db, ids: string[], records: Record<string, Row[]>): Promise<Record<string, Row[]>> {
	const needs = idsIn(records.aid_need);
	const offers = idsIn(records.aid_offer);
	const links =
		needs.length || offers.length
			? await rowsOf(db, 'aid_link', sql`need_id = ANY(${sql.param(needs)}::uuid[]) OR offer_id = ANY(${sql.param(offers)}::uuid[])`)
			: [];
	const linkIds = idsIn(links);
	const households = idsIn(records.people_household_member, 'household_id');
	const consents = records.people_consent ?? [];
	const related: Record<string, Row[]> = {
		aid_link: links,
		// What the other side of their links said about them (their own feedback is in records).
		aid_feedback_received: linkIds.length
			? await rowsOf(db, 'aid_feedback', sql`link_id = ANY(${sql.param(linkIds)}::uuid[]) AND NOT (person_id = ANY(${sql.param(ids)}::uuid[]))`)
			: [],
		people_household: households.length ? await rowsOf(db, 'people_household', sql`id = ANY(${sql.param(households)}::uuid[])`) : []
	};
	if (consents.length) {
		// The purpose and the very text version each consent was given or withdrawn on.
		const pairs = consents.map((c) => sql`(${c.purpose_id}::uuid, ${c.version}::int)`);
		related.people_purpose = await rowsOf(db, 'people_purpose', sql`id = ANY(${sql.param(idsIn(consents, 'purpose_id'))}::uuid[])`);
		related.people_purpose_text = await rowsOf(db, 'people_purpose_text', sql`(purpose_id, version) IN (${sql.join(pairs, sql`, `)})`);
	}
	return related;
}

async function accountOf(db: Db, userId: string): Promise<PersonExport['account']> {
	const [user] = await rowsOf(db, 'auth_user', sql`id = ${userId}`);
	if (!user) return null;
	const own = sql`user_id = ${userId}`;
	return {
		user,
		sessions: await rowsOf(db, 'auth_session', own),
		logins: await rowsOf(db, 'auth_account', own),
		apiTokens: await rowsOf(db, 'auth_api_token', own)
	};
}

/** The table of a `related` section whose name is not its table's. */
const RELATED_TABLE: Record<string, string> = { people_person_merged: 'people_person', aid_feedback_received: 'aid_feedback' };

/** The audited records that are about the person: (entity, id) pairs, the audit's own naming (table names). */
export function auditTargets(records: Record<string, Row[]>, related: Record<string, Row[]>, userId: string | null): [string, string][] {
	const pairs: [string, string][] = [];
	for (const [table, rows] of [...Object.entries(records), ...Object.entries(related)])
		for (const id of idsIn(rows)) pairs.push([RELATED_TABLE[table] ?? table, id]);
	if (userId) pairs.push(['auth_user', userId]);
	return pairs;
}
