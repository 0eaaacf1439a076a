import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { DEMO_PASSWORD } from '../../src/lib/server/seed/index.ts';

// The production build (build/, `npx vite build` first) as the benches start it: `scripts/serve.ts`
// with the same V8 flag as `npm start`, on 127.0.0.1, waited for on /healthz, stopped with Ctrl-C
// (SIGINT) so that its embedded PostgreSQL stops cleanly too.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type BenchServer = { base: string; child: ChildProcess; stop: () => Promise<void> };

/** Polls `url` until it answers 2xx; fails at once when the server exits. */
export async function waitFor(url: string, child: ChildProcess, timeoutMs = 180_000): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not up yet */
		}
		await sleep(100);
	}
	throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * Starts the build on `port` with its data in `dataDir` (embedded PostgreSQL; DATABASE_URL cleared) and
 * waits until it serves. `env` adds to the environment (e.g. WIJKWEB_SEED=0 on the city data, where the
 * demo must not be added, or a higher SIGN_IN_RATE_LIMIT when 50 workers sign in from one address).
 */
export async function startServer(opts: { port: number; dataDir: string; env?: Record<string, string>; stdio?: StdioOptions }): Promise<BenchServer> {
	const base = `http://localhost:${opts.port}`;
	const child = spawn(process.execPath, ['--max-semi-space-size=16', 'scripts/serve.ts'], {
		env: { ...process.env, PORT: String(opts.port), HOST: '127.0.0.1', DATA_DIR: opts.dataDir, DATABASE_URL: '', ORIGIN: base, ...opts.env },
		stdio: opts.stdio ?? ['ignore', 'ignore', 'inherit']
	});
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		await sleep(1000); // let answers still on their way finish before PostgreSQL stops
		const exited = new Promise((r) => child.once('exit', r));
		child.kill('SIGINT');
		await exited;
	};
	try {
		await waitFor(`${base}/healthz`, child);
	} catch (e) {
		await stop();
		throw e;
	}
	return { base, child, stop };
}

/** Signs in through the sign-in form's post (as a browser without JavaScript does); the session cookie. */
export async function signIn(base: string, email: string, password = DEMO_PASSWORD): Promise<string> {
	const res = await fetch(`${base}/sign-in`, {
		method: 'POST',
		redirect: 'manual',
		// accept: text/html, else SvelteKit answers the action as an enhanced form (JSON, status 200).
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: base },
		body: new URLSearchParams({ email, password })
	});
	const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
	if (res.status !== 303 || !cookies.length) throw new Error(`signing in as ${email} failed (status ${res.status})`);
	return cookies.join('; ');
}
