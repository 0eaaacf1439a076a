// The one list of security headers. hooks.server.ts puts them on every answer the app renders, and
// scripts/serve.ts on every answer at all: adapter-node serves static files, and Kit refuses a
// cross-site form post, before any hook runs. Plain TypeScript without imports, so the server script
// can load it as it is.

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'X-Frame-Options': 'DENY',
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(self)'
};

/** For anything that is not a page (API, feeds, files, Kit's own refusals): nothing may run or load. */
export const STRICT_CSP = "default-src 'none'; frame-ancestors 'none'";
/** The service worker's own policy (a worker's CSP is its script's): it fetches and caches the app's files, same origin only. */
export const SERVICE_WORKER_CSP = "default-src 'self'; frame-ancestors 'none'";

/** Security headers on `h`, without replacing a CSP the answer brought (pages get Kit's nonce-based one). */
export function applySecurityHeaders(h: Headers): void {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) h.set(name, value);
	if (!h.has('Content-Security-Policy')) h.set('Content-Security-Policy', STRICT_CSP);
	// Kit types pages as bare text/html; without a charset an old browser may guess the encoding.
	const type = h.get('Content-Type');
	if (type && /^text\/html\s*(;|$)/i.test(type) && !/charset=/i.test(type)) h.set('Content-Type', 'text/html; charset=utf-8');
}
