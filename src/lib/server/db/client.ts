import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from './schema.ts';
import { isStopping } from '../core/index.ts';

export type Db = NodePgDatabase<typeof schema>;
export type Database = { db: Db; pool: pg.Pool; close: () => Promise<void> };

export function connect(url: string, max = 10): Database {
	const pool = new pg.Pool({ connectionString: url, max });
	// A dropped idle connection must not crash the server; the next query reconnects.
	pool.on('error', (e) => {
		if (!isStopping()) console.error('[db] idle client error:', e.message);
	});
	const db = drizzle(pool, { schema });
	return { db, pool, close: () => pool.end() };
}

/** A typed database on one client a script holds itself (the city seed's single session). */
export function onClient(client: pg.PoolClient): Db {
	return drizzle(client, { schema }) as unknown as Db;
}

let shared: Database | undefined;

/** The app's database, from DATABASE_URL (set by scripts/serve.ts when it starts the embedded one). */
export function appDatabase(): Database {
	if (!shared) {
		const url = process.env.DATABASE_URL;
		if (!url) throw new Error('DATABASE_URL is not set: start Wijkweb with `npm start` or set DATABASE_URL.');
		shared = connect(url, Number(process.env.DATABASE_POOL_SIZE ?? 10));
	}
	return shared;
}
