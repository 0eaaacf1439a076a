// The demo's open doors, decided in one place. The embedded demo keeps mail in the outbox instead of
// sending it, and its mailbox page would hand anyone a reset link for any account: so it is open to
// nobody signed out unless the request comes from this very computer, on a server that listens only
// there (or whose operator forced it), with no public origin configured (a proxy on the same machine
// makes every request look local).

type Env = Record<string, string | undefined>;

/**
 * The header scripts/serve.ts sets to the socket's remote address, after removing whatever a client
 * sent under that name: the one address here that no client can choose.
 */
export const PEER_HEADER = 'x-wijkweb-peer';

/** A loopback address as Node reports a socket's peer or as HOST names one. */
export function isLoopback(address: string | null | undefined): boolean {
	if (!address) return false;
	const a = address
		.trim()
		.toLowerCase()
		.replace(/^\[|\]$/g, '');
	return a === 'localhost' || a === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(a);
}

/** The embedded demo (set by the start scripts), without a mail server. */
export function isDemo(env: Env = process.env): boolean {
	return env.WIJKWEB_DEMO === '1' && !env.SMTP_HOST;
}

/**
 * Where the server listens without HOST: this computer only. A demo started on a laptop in a
 * neighbourhood house's network is then out of its neighbours' reach (and its mailbox with it);
 * `HOST=0.0.0.0` opens it to the network, in a container for instance.
 */
export const DEFAULT_HOST = '127.0.0.1';

/**
 * May a request from `peer` (the socket's remote address, never a client-sent header) read the demo
 * mailbox without being an admin?
 */
export function demoMailboxOpen(peer: string | null, env: Env = process.env): boolean {
	if (!isDemo(env) || !isLoopback(peer)) return false;
	if (env.ORIGIN && !isLoopback(new URL(env.ORIGIN).hostname)) return false;
	return isLoopback(env.HOST ?? DEFAULT_HOST) || env.WIJKWEB_DEMO_MAILBOX === 'local';
}

/**
 * The origin of links in mail: the configured ORIGIN, else the address the server was started on. Never
 * the request's Host header, which the client chooses (a reset link to the attacker's site).
 */
export function mailOrigin(env: Env = process.env): string {
	if (env.ORIGIN) return new URL(env.ORIGIN).origin;
	return `http://localhost:${Number(env.PORT) || 3000}`;
}
