import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { connect } from '../../src/lib/server/db/client.ts';
import { runMigrations } from '../../src/lib/server/db/migrate.ts';

// Mutual aid's two consent booleans become consent rows: a database migrated up to the migration
// before this one, filled with people holding the old booleans, then migrated to the end, must hold
// exactly the same consents (and the booleans are gone). Found by its tag, so a renumbered migration
// is still the one tested.

type Journal = { entries: { idx: number; tag: string }[] };
const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as Journal;
const cut = journal.entries.findIndex((e) => e.tag.endsWith('_people_consent_purposes'));

async function admin<T>(run: (c: pg.Client) => Promise<T>): Promise<T> {
	const c = new pg.Client({ connectionString: inject('adminUrl') });
	await c.connect();
	try {
		return await run(c);
	} finally {
		await c.end();
	}
}

describe('migrating the consent booleans', () => {
	it('gives every organisation the two purposes and every true boolean a spoken consent by its registrar, then drops the columns', async () => {
		expect(cut).toBeGreaterThan(0);
		const name = `t_consent_${randomBytes(5).toString('hex')}`;
		await admin((c) => c.query(`CREATE DATABASE ${name}`));
		const before = mkdtempSync(join(tmpdir(), 'wijkweb-migrations-'));
		afterAll(async () => {
			rmSync(before, { recursive: true, force: true });
			await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
		});
		// The migrations as they were before this one: the same files, a journal that stops short.
		cpSync('drizzle', before, { recursive: true });
		writeFileSync(join(before, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
		const url = new URL(inject('adminUrl'));
		url.pathname = `/${name}`;
		const database = connect(url.toString(), 2);
		try {
			await runMigrations(database.pool, before);
			const q = (text: string, values: unknown[] = []) => database.pool.query(text, values);
			await q(`insert into auth_user (id, name, email) values ('u-reg', 'Registrar', 'reg@example.test')`);
			const orgs = (
				await q(
					`insert into people_organisation (name, kind, lawful_basis) values ('Huis', 'association', 'consent'), ('Stad', 'city', 'public_task') returning id`
				)
			).rows.map((r: { id: string }) => r.id);
			const people = [
				// first name, organisation, contact, intercultural
				['Both', orgs[0], true, true],
				['Contact', orgs[0], true, false],
				['Intercultural', orgs[1], false, true],
				['Neither', orgs[1], false, false]
			] as const;
			for (const [firstName, org, contactConsent, intercultural] of people)
				await q(
					`insert into people_person (first_name, organisation_id, contact_consent, intercultural_consent, registered_by_user_id, created_at)
					 values ($1, $2, $3, $4, 'u-reg', '2025-03-04T10:00:00Z')`,
					[firstName, org, contactConsent, intercultural]
				);
			const old = (await q(`select first_name, contact_consent, intercultural_consent from people_person order by first_name`)).rows.flatMap(
				(r: { first_name: string; contact_consent: boolean; intercultural_consent: boolean }) => [
					...(r.contact_consent ? [`${r.first_name}:contact`] : []),
					...(r.intercultural_consent ? [`${r.first_name}:intercultural`] : [])
				]
			);

			await runMigrations(database.pool);

			const rows = (
				await q(`select p.first_name, u.code, c.given, c.method, c.version, c.recorded_by_user_id, c.recorded_at, u.organisation_id = p.organisation_id as same_org
				         from people_consent c join people_person p on p.id = c.person_id join people_purpose u on u.id = c.purpose_id
				         order by p.first_name, u.code`)
			).rows as {
				first_name: string;
				code: string;
				given: boolean;
				method: string;
				version: number;
				recorded_by_user_id: string;
				recorded_at: Date;
				same_org: boolean;
			}[];
			expect(rows.map((r) => `${r.first_name}:${r.code}`).sort()).toEqual(old.sort());
			for (const r of rows)
				expect(r).toMatchObject({
					given: true,
					method: 'spoken',
					version: 1,
					recorded_by_user_id: 'u-reg',
					same_org: true,
					recorded_at: new Date('2025-03-04T10:00:00Z')
				});
			// Every organisation has both purposes, asked, with a retention period and texts in all six languages.
			const purposes = (
				await q(
					`select u.organisation_id, u.code, u.lawful_basis, u.retention_days, t.texts from people_purpose u join people_purpose_text t on t.purpose_id = u.id and t.version = u.version order by 1, 2`
				)
			).rows as { code: string; lawful_basis: string; retention_days: number; texts: Record<string, string> }[];
			expect(purposes.map((p) => p.code)).toEqual(['contact', 'intercultural', 'contact', 'intercultural']);
			for (const p of purposes) {
				expect(p.lawful_basis).toBe('consent');
				expect(p.retention_days).toBeGreaterThan(0);
				expect(Object.keys(p.texts).sort()).toEqual(['ar', 'bg', 'en', 'fr', 'nl', 'tr']);
			}
			const columns = (
				await q(`select column_name from information_schema.columns where table_name = 'people_person' and column_name like '%consent%'`)
			).rows;
			expect(columns).toEqual([]);
			// An organisation made later gets the same two purposes.
			const [later] = (await q(`insert into people_organisation (name, kind, lawful_basis) values ('Later', 'association', 'consent') returning id`))
				.rows as { id: string }[];
			const laterCodes = (await q(`select code from people_purpose where organisation_id = $1 order by code`, [later!.id])).rows.map(
				(r: { code: string }) => r.code
			);
			expect(laterCodes).toEqual(['contact', 'intercultural']);
		} finally {
			await database.close();
		}
	});
});
