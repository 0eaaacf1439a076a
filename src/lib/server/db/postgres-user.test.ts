import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canReach, postgresUser } from './postgres-user.ts';

// The case of the issue: a checkout under a mode-700 folder (root's home) cannot be entered by the
// postgres user that runs the embedded PostgreSQL, and initdb died with EACCES.
const base = mkdtempSync(join(tmpdir(), 'wijkweb-reach-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('canReach', () => {
	const stranger = { uid: 123456, gid: 123456 };

	it('says no below a folder closed to others, as /root is', () => {
		const home = join(base, 'root-home');
		mkdirSync(join(home, 'wijkweb', 'data'), { recursive: true });
		chmodSync(home, 0o700);
		expect(canReach(join(home, 'wijkweb', 'data', 'pg'), stranger)).toBe(false);
		expect(canReach(join(home, 'wijkweb', 'data', 'pg'), null)).toBe(false);
	});

	it('says yes when every folder on the way lets others search it', () => {
		const open = join(base, 'srv', 'wijkweb');
		mkdirSync(open, { recursive: true });
		chmodSync(join(base, 'srv'), 0o755);
		chmodSync(base, 0o755);
		expect(canReach(join(open, 'data', 'pg'), stranger)).toBe(true);
	});

	it('lets the owner or the group through by their own bits', () => {
		const own = join(base, 'owned');
		mkdirSync(own);
		chmodSync(own, 0o710);
		const st = statSync(own);
		expect(canReach(own, { uid: st.uid, gid: -1 })).toBe(true);
		expect(canReach(own, { uid: -1, gid: st.gid })).toBe(true);
		expect(canReach(own, stranger)).toBe(false);
		chmodSync(own, 0o700);
		expect(canReach(own, { uid: -1, gid: st.gid })).toBe(false);
	});
});

describe('postgresUser', () => {
	it('reads the postgres account from a passwd file, or null when it is not there', () => {
		const file = join(base, 'passwd');
		writeFileSync(file, 'root:x:0:0:root:/root:/bin/bash\npostgres:x:105:110::/var/lib/postgresql:/bin/sh\n');
		expect(postgresUser(file)).toEqual({ uid: 105, gid: 110 });
		writeFileSync(file, 'root:x:0:0:root:/root:/bin/bash\n');
		expect(postgresUser(file)).toBeNull();
		expect(postgresUser(join(base, 'none'))).toBeNull();
	});
});
