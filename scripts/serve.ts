import { createServer, type IncomingMessage } from 'node:http';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase } from './lib/database.ts';
import { DataDirInUseError } from '../src/lib/server/db/index.ts';
import { connect } from '../src/lib/server/db/index.ts';
import { runMigrations } from '../src/lib/server/db/index.ts';
import { seedDemo } from '../src/lib/server/seed/index.ts';
import { retentionRefusal } from '../src/lib/server/privacy/index.ts';
import { runShutdown } from '../src/lib/server/core/index.ts';
import { SECURITY_HEADERS, SERVICE_WORKER_CSP, STRICT_CSP } from '../src/lib/server/web/headers.ts';
import { DEFAULT_HOST, PEER_HEADER } from '../src/lib/server/auth/index.ts';
import { twoFactorSetting } from '../src/lib/server/access/index.ts';

// Runs the built app: its database (embedded unless DATABASE_URL), migrations, the demo data on
// the first embedded start, then the HTTP server. Ctrl-C stops the server, then PostgreSQL, cleanly.
const started = performance.now();
const log = (m: string) => console.log(`[wijkweb] ${m}`);
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? DEFAULT_HOST;
const handlerPath = resolve('build/handler.js');
if (!existsSync(handlerPath)) {
	console.error('No build found: run `npm run build` first (or `npm start`, which builds when needed).');
	process.exit(1);
}

let opened;
try {
	opened = await openDatabase({ shared: false, log: process.env.PG_LOG ? (m) => process.stdout.write(`[pg] ${m}`) : undefined });
} catch (e) {
	console.error(e instanceof DataDirInUseError ? e.message : `Could not start the database: ${(e as Error)?.message ?? e}`);
	process.exit(1);
}
process.env.DATABASE_URL = opened.url;
if (opened.embedded) process.env.WIJKWEB_DEMO ??= '1';
// Read once, here, so that a mistyped TWO_FACTOR stops the start instead of guessing either way.
try {
	log(`Second factor for staff: ${twoFactorSetting()} (TWO_FACTOR).`);
} catch (e) {
	console.error((e as Error).message);
	await opened.stop();
	process.exit(1);
}
{
	const setup = connect(opened.url, 2);
	await runMigrations(setup.pool);
	if (opened.embedded && process.env.WIJKWEB_SEED !== '0') await seedDemo(setup.db, log);
	// A purpose without a retention period is a configuration error: data kept for it would never go.
	const refusal = await retentionRefusal(setup.db);
	await setup.close();
	if (refusal) {
		console.error(refusal);
		await opened.stop();
		process.exit(1);
	}
}

// adapter-node derives the origin from these headers; we set them ourselves from ORIGIN (or from the
// connection), after removing whatever a client sent, so CSRF checks work over plain http on
// localhost and behind a proxy alike.
const configured = process.env.ORIGIN ? new URL(process.env.ORIGIN) : null;
process.env.PROTOCOL_HEADER = 'x-wijkweb-proto';
// Every request's PEER_HEADER is written below from the socket: the app may believe it (web/auth-bridge.ts).
process.env.WIJKWEB_PEER_HEADER = '1';
process.env.HOST_HEADER = 'x-wijkweb-host';
const setOrigin = (req: IncomingMessage) => {
	delete req.headers['x-wijkweb-proto'];
	delete req.headers['x-wijkweb-host'];
	req.headers[PEER_HEADER] = req.socket.remoteAddress ?? '';
	if (configured) {
		req.headers['x-wijkweb-proto'] = configured.protocol.slice(0, -1);
		req.headers['x-wijkweb-host'] = configured.host;
	} else {
		req.headers['x-wijkweb-proto'] = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
	}
};
// adapter-node refuses bodies over BODY_SIZE_LIMIT (its default 512K) before any route sees them; a
// funding document may be 5 MB (FUNDING_LIMITS.fileMaxBytes), so the default here leaves room for one
// in a multipart post. The routes keep their own, smaller caps (API JSON 64 KB, form fields 20 000 characters).
process.env.BODY_SIZE_LIMIT ??= '6M';
const { handler } = (await import(pathToFileURL(handlerPath).href)) as {
	handler: (req: IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => void;
};
const server = createServer((req, res) => {
	setOrigin(req);
	// Static files and Kit's own refusals (a cross-site form post) never reach the hooks, so every answer
	// starts with the security headers here; the headers an answer sets itself (a page's CSP) win.
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	// The service worker (the street log offline, issue 14) fetches and caches the app's own files: its
	// script's CSP is its own, so it gets same-origin fetches only, never the 'none' of other files.
	res.setHeader('Content-Security-Policy', req.url?.split('?')[0] === '/service-worker.js' ? SERVICE_WORKER_CSP : STRICT_CSP);
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});
server.keepAliveTimeout = 5000;
server.listen(port, host, () => {
	const shown = configured?.origin ?? `http://localhost:${port}`;
	log(
		`Serving at ${shown} (${opened.embedded ? `embedded PostgreSQL in ${resolve(process.env.DATA_DIR ?? './data')}` : 'DATABASE_URL'}), ready in ${Math.round(performance.now() - started)} ms.`
	);
});

let stopping = false;
async function stop(signal: string) {
	if (stopping) return;
	stopping = true;
	log(`${signal}: stopping…`);
	server.close();
	server.closeAllConnections();
	await runShutdown();
	await opened!.stop();
	log('Stopped.');
	process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
