import type pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { fileURLToPath } from 'node:url';

const folder = fileURLToPath(new URL('../../../../drizzle', import.meta.url));

// Several app servers may start at the same moment on one database. Drizzle's migrator reads which
// migrations were applied and then applies the rest, so two at once would both apply them and one
// would fail half-way. A session-level advisory lock, held on one connection for the whole run, lets
// one process migrate while the others wait and then find nothing left to do. The key is a fixed
// number derived from a name, so any tool that migrates takes the same lock.
const LOCK = `hashtextextended('wijkweb.migrations', 0)`;

export async function runMigrations(pool: pg.Pool, migrationsFolder = process.env.MIGRATIONS_DIR ?? folder) {
	const client = await pool.connect();
	let failed: Error | undefined;
	try {
		await client.query(`SELECT pg_advisory_lock(${LOCK})`);
		await migrate(drizzle(client), { migrationsFolder });
		await client.query(`SELECT pg_advisory_unlock(${LOCK})`);
	} catch (e) {
		failed = e as Error;
		throw e;
	} finally {
		// After a failure the connection is closed rather than reused: that also drops the lock.
		client.release(failed);
	}
}
