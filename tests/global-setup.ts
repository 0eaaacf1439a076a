import type { TestProject } from 'vitest/node';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { startEmbedded } from '../src/lib/server/db/embedded.ts';
import { connect } from '../src/lib/server/db/client.ts';
import { runMigrations } from '../src/lib/server/db/migrate.ts';

// One PostgreSQL for the whole run: DATABASE_URL when given (CI's external server), else an embedded
// one in a throw-away directory. A migrated template database is cloned by every test file.
export const TEMPLATE = 'wijkweb_test_tpl';

declare module 'vitest' {
	export interface ProvidedContext {
		adminUrl: string;
	}
}

export default async function setup(project: TestProject) {
	let adminUrl: string;
	let stop = async () => {};
	if (process.env.DATABASE_URL) {
		adminUrl = process.env.DATABASE_URL;
	} else {
		// One directory per run, so two runs on one machine (e.g. a unit run beside an integration run) never clash.
		const dir = resolve(`.test-data/vitest-${process.pid}`);
		rmSync(dir, { recursive: true, force: true });
		const db = await startEmbedded(dir);
		adminUrl = db.url;
		stop = async () => {
			await db.stop();
			rmSync(dir, { recursive: true, force: true });
			rmSync(db.pgDir, { recursive: true, force: true });
		};
	}
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`);
	await admin.query(`CREATE DATABASE ${TEMPLATE}`);
	const tplUrl = new URL(adminUrl);
	tplUrl.pathname = `/${TEMPLATE}`;
	const tpl = connect(tplUrl.toString(), 1);
	await runMigrations(tpl.pool);
	await tpl.close();
	await admin.end();
	project.provide('adminUrl', adminUrl);
	return async () => {
		const t0 = Date.now();
		await stop();
		if (process.env.DEBUG_TEARDOWN) console.log(`teardown ${Date.now() - t0} ms`);
	};
}
