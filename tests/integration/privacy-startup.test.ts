import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDatabase } from './db.ts';
import { makeOrganisation } from '../factories/index.ts';
import { peoplePurpose } from '../../src/lib/server/people/schema.ts';

// The real server script, started on this file's database: with an active purpose that has no
// retention it must refuse (exit code 1, the organisation and purpose named); once every purpose has
// one it must get as far as listening. A stub build (a handler that answers nothing) stands in for
// `vite build`, so the test does not depend on one.

const database = await freshDatabase();
const org = await makeOrganisation(database.db, `Buurthuis Retentie ${Date.now()}`);
// Every organisation gets the contact and intercultural purposes when it is made (migration 0014's
// trigger); this test sets up its own purposes, so it starts from none.
await database.db.delete(peoplePurpose).where(eq(peoplePurpose.organisationId, org.id));
const [purpose] = await database.db
	.insert(peoplePurpose)
	.values({ organisationId: org.id, code: 'photos', categories: ['photos'] })
	.returning();
await database.db.insert(peoplePurpose).values({ organisationId: org.id, code: 'contact', retentionDays: 365, active: true });
// A purpose switched off may lack one: nothing is kept for it any more.
await database.db.insert(peoplePurpose).values({ organisationId: org.id, code: 'intercultural', active: false });

const cwd = resolve(`.test-data/serve-stub-${process.pid}`);
mkdirSync(`${cwd}/build`, { recursive: true });
writeFileSync(`${cwd}/build/handler.js`, 'export const handler = (_req, _res, next) => next();\n');
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

type Ended = { code: number | null; out: string };
/** Runs scripts/serve.ts until it exits or says it is serving (then stops it). */
function serve(): Promise<Ended> {
	return new Promise((done) => {
		const child = spawn(process.execPath, [resolve('scripts/serve.ts')], {
			cwd,
			env: { ...process.env, DATABASE_URL: database.url, PORT: '0', HOST: '127.0.0.1', WIJKWEB_JOBS: '0' }
		});
		let out = '';
		const read = (chunk: Buffer) => {
			out += chunk.toString();
			if (out.includes('Serving at')) child.kill('SIGTERM');
		};
		child.stdout.on('data', read);
		child.stderr.on('data', read);
		child.on('exit', (code) => done({ code, out }));
	});
}

describe('start-up with incomplete retention', () => {
	it('refuses to start, naming the organisation and the purpose, with a non-zero exit code', async () => {
		const { code, out } = await serve();
		expect(out).toContain('Refusing to start');
		expect(out).toContain(`organisation "${org.name}", purpose "photos"`);
		expect(out).not.toContain('purpose "contact"');
		expect(out).not.toContain('purpose "intercultural"');
		expect(out).not.toContain('Serving at');
		expect(code).toBe(1);
	}, 60_000);

	it('starts once every active purpose has a retention period', async () => {
		await database.db.update(peoplePurpose).set({ retentionDays: 90 }).where(eq(peoplePurpose.id, purpose!.id));
		const { out } = await serve();
		expect(out).not.toContain('Refusing to start');
		expect(out).toContain('Serving at');
	}, 60_000);
});
