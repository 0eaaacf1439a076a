import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { personReferences } from './catalog.ts';

// The consultation log (CJEU C-579/21: part of the right of access): every audit row about the person
// — their record, the rows that reference it, the assisted use done for them — with who (the actor's
// name), when, what, and the roles the actor holds in the person's organisation.

export type ConsultationEntry = {
	id: number;
	at: string;
	actor: string | null;
	/** The actor's roles in the person's organisation (an audit row does not record the role it was written under). */
	roles: string | null;
	action: string;
	entity: string;
	entityId: string | null;
	reason: string | null;
};

type Query = { ids: string[]; related: [string, string][]; limit: number | null; before?: { at: string; id: number } };

export async function consultationRows(db: Db, q: Query): Promise<ConsultationEntry[]> {
	const targets: [string, string][] = [...q.ids.map((id): [string, string] => ['people_person', id]), ...q.related];
	const entities = targets.map((t) => t[0]);
	const entityIds = targets.map((t) => t[1]);
	const { rows } = await db.execute<ConsultationEntry>(sql`
		WITH targets AS (SELECT * FROM unnest(${sql.param(entities)}::text[], ${sql.param(entityIds)}::text[]) AS t(entity, entity_id)),
		about AS (
			SELECT a.id FROM core_audit a JOIN targets t ON a.entity = t.entity AND a.entity_id = t.entity_id
			UNION
			SELECT a.id FROM core_audit a WHERE a.on_behalf_of_person_id = ANY(${sql.param(q.ids)}::text[])
		),
		place AS (SELECT organisation_id FROM people_person WHERE id = ${q.ids[0]!}::uuid)
		SELECT a.id::int AS "id", to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "at",
		       coalesce(u.name, CASE WHEN a.actor_user_id IS NULL THEN 'system' END) AS "actor",
		       (SELECT string_agg(DISTINCT g.role, ', ' ORDER BY g.role) FROM access_role_grant g
		         WHERE g.person_id::text = a.actor_person_id AND (g.role = 'admin' OR g.organisation_id = (SELECT organisation_id FROM place))) AS "roles",
		       a.action AS "action", a.entity AS "entity", a.entity_id AS "entityId", a.reason AS "reason"
		FROM core_audit a
		LEFT JOIN auth_user u ON u.id = a.actor_user_id
		WHERE a.id IN (SELECT id FROM about)
		  ${q.before ? sql`AND (a.at, a.id) < (${q.before.at}::timestamptz, ${q.before.id})` : sql``}
		ORDER BY a.at DESC, a.id DESC
		${q.limit === null ? sql`` : sql`LIMIT ${q.limit}`}`);
	return rows;
}

/** The (entity, id) pairs of every row about the person, for the log's page (the export has them already). */
export async function auditTargetsOf(db: Db, ids: string[]): Promise<[string, string][]> {
	const refs = await personReferences(db);
	const byTable = new Map<string, string[]>();
	for (const r of refs) if (r.table !== 'people_person') byTable.set(r.table, [...(byTable.get(r.table) ?? []), r.column]);
	const pairs: [string, string][] = [];
	const any = (c: string) => sql`${sql.identifier(c)} = ANY(${sql.param(ids)}::uuid[])`;
	for (const [table, columns] of byTable) {
		const { rows } = await db.execute<{ id: string | null }>(
			sql`SELECT to_jsonb(x)->>'id' AS id FROM ${sql.identifier(table)} x WHERE ${sql.join(columns.map(any), sql` OR `)}`
		);
		for (const r of rows) if (r.id) pairs.push([table, r.id]);
	}
	const { rows: more } = await db.execute<{ entity: string; id: string }>(sql`
		SELECT 'aid_link' AS entity, l.id::text AS id FROM aid_link l
		WHERE l.need_id IN (SELECT id FROM aid_need WHERE person_id = ANY(${sql.param(ids)}::uuid[]))
		   OR l.offer_id IN (SELECT id FROM aid_offer WHERE person_id = ANY(${sql.param(ids)}::uuid[]))
		UNION ALL
		SELECT 'auth_user', user_id FROM people_person WHERE id = ANY(${sql.param(ids)}::uuid[]) AND user_id IS NOT NULL`);
	for (const r of more) pairs.push([r.entity, r.id]);
	return pairs;
}
