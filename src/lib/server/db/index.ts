// The kernel's database door: the client and its type, migrations. Opening an
// embedded PostgreSQL (embedded.ts) stays out of here, for scripts only, so the app never loads it.
export { type Database, type Db, appDatabase, connect, onClient } from './client.ts';
export { runMigrations } from './migrate.ts';
export { DataDirInUseError } from './data-dir-in-use.ts';
