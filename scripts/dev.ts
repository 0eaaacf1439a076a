import { spawn } from 'node:child_process';
import { openDatabase } from './lib/database.ts';
import { DataDirInUseError } from '../src/lib/server/db/index.ts';
import { connect } from '../src/lib/server/db/index.ts';
import { runMigrations } from '../src/lib/server/db/index.ts';
import { seedDemo } from '../src/lib/server/seed/index.ts';
import { DEFAULT_HOST } from '../src/lib/server/auth/index.ts';

// `npm run dev`: the same database start as `npm start` (embedded unless DATABASE_URL, migrated,
// demo data on a fresh embedded one), then Vite's dev server with hot reload on top of it.
const log = (m: string) => console.log(`[wijkweb] ${m}`);
let opened;
try {
	opened = await openDatabase({ shared: false });
} catch (e) {
	console.error(e instanceof DataDirInUseError ? e.message : `Could not start the database: ${(e as Error)?.message ?? e}`);
	process.exit(1);
}
const setup = connect(opened.url, 2);
await runMigrations(setup.pool);
if (opened.embedded && process.env.WIJKWEB_SEED !== '0') await seedDemo(setup.db, log);
await setup.close();

const env = {
	...process.env,
	HOST: process.env.HOST ?? DEFAULT_HOST,
	DATABASE_URL: opened.url,
	...(opened.embedded ? { WIJKWEB_DEMO: process.env.WIJKWEB_DEMO ?? '1' } : {})
};
// Vite listens where HOST says (default: this computer only, as `npm start`); the demo mailbox reads the same HOST.
const host = process.env.HOST ?? DEFAULT_HOST;
const vite = spawn(
	process.execPath,
	['node_modules/vite/bin/vite.js', 'dev', '--port', process.env.PORT ?? '3000', '--host', host, ...process.argv.slice(2)],
	{
		stdio: 'inherit',
		env
	}
);
let stopping = false;
const stop = async (code: number) => {
	if (stopping) return;
	stopping = true;
	vite.kill('SIGTERM');
	await opened.stop();
	process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
vite.on('exit', (code) => void stop(code ?? 0));
