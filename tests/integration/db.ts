import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject, afterAll } from 'vitest';
import { appDatabase, connect, type Database } from '../../src/lib/server/db/client.ts';

const TEMPLATE = 'wijkweb_test_tpl';

/** A fresh database for one test file, cloned from the migrated template; dropped after the file. */
export async function freshDatabase(): Promise<Database & { url: string }> {
	const adminUrl = inject('adminUrl');
	const name = `t_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
	await admin.end();
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const database = connect(url.toString(), 5);
	afterAll(async () => {
		await database.close();
		const a = new pg.Client({ connectionString: adminUrl });
		await a.connect();
		await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await a.end();
	});
	return { ...database, url: url.toString() };
}

/**
 * A fresh database that the page loads and actions use too: they reach the database through the app's
 * own pool (DATABASE_URL), which is pointed at this file's database and closed after it.
 */
export async function freshAppDatabase(): Promise<Database & { url: string }> {
	const database = await freshDatabase();
	process.env.DATABASE_URL = database.url;
	afterAll(() => appDatabase().close());
	return database;
}
