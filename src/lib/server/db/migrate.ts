import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { fileURLToPath } from 'node:url';
import type { Db } from './client.ts';

const folder = fileURLToPath(new URL('../../../../drizzle', import.meta.url));

export async function runMigrations(db: Db, migrationsFolder = process.env.MIGRATIONS_DIR ?? folder) {
	await migrate(db, { migrationsFolder });
}
