import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, expect, inject, it } from 'vitest';
import { connect } from '../../src/lib/server/db/client.ts';
import { runMigrations } from '../../src/lib/server/db/migrate.ts';

// Two app servers started at the same moment on one new database both migrate it.
const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as { entries: unknown[] };

async function admin<T>(run: (c: pg.Client) => Promise<T>): Promise<T> {
	const c = new pg.Client({ connectionString: inject('adminUrl') });
	await c.connect();
	try {
		return await run(c);
	} finally {
		await c.end();
	}
}

it('two migrators at once on an empty database: both succeed, every migration applied once', async () => {
	const name = `t_migrate_${randomBytes(5).toString('hex')}`;
	await admin((c) => c.query(`CREATE DATABASE ${name}`));
	afterAll(() => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));
	const url = new URL(inject('adminUrl'));
	url.pathname = `/${name}`;
	// Two pools, as two processes would have.
	const [a, b] = [connect(url.toString(), 2), connect(url.toString(), 2)];
	try {
		const results = await Promise.allSettled([runMigrations(a.pool), runMigrations(b.pool)]);
		expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok']);
		const { rows } = await a.pool.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
		expect(rows[0].n).toBe(journal.entries.length);
		// The lock is free again: a third run (a later start) passes straight through.
		await runMigrations(a.pool);
		const { rows: after } = await a.pool.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
		expect(after[0].n).toBe(journal.entries.length);
	} finally {
		await a.close();
		await b.close();
	}
});
