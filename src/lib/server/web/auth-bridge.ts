import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { dev } from '$app/env';
import { CLIENT_IP_HEADER } from '../auth/index.ts';
import { demoMailboxOpen, PEER_HEADER } from '../auth/index.ts';
import { getAuth } from './runtime.ts';

/**
 * The socket's remote address. scripts/serve.ts writes it into PEER_HEADER (over whatever a client
 * sent) and says so in WIJKWEB_PEER_HEADER; only then is the header believed. Vite's dev server has no
 * serve.ts: there Kit's own client address is the socket's, and the header is a client's to forge.
 * Anything else (the adapter started some other way): null, and nothing is opened on a guess.
 */
export function peerAddress(
	event: Pick<RequestEvent, 'request' | 'getClientAddress'>,
	isDev = dev,
	env: NodeJS.ProcessEnv = process.env
): string | null {
	if (isDev) return event.getClientAddress();
	if (env.WIJKWEB_PEER_HEADER !== '1') return null;
	return event.request.headers.get(PEER_HEADER) || null;
}

/** May this request read the demo mailbox without being an admin? (see auth/demo.ts) */
export function mailboxOpenTo(event: Pick<RequestEvent, 'request' | 'getClientAddress'>): boolean {
	// scripts/dev.ts passes HOST on to Vite (--host): it is the dev server's setting as it is serve.ts's.
	return demoMailboxOpen(peerAddress(event), process.env);
}

/** Parses one Set-Cookie header into SvelteKit's cookies.set() arguments. */
function copyCookie(cookies: Cookies, header: string) {
	const [pair, ...attrs] = header.split(';');
	const eq = pair!.indexOf('=');
	const name = pair!.slice(0, eq).trim();
	const value = decodeURIComponent(pair!.slice(eq + 1).trim());
	const opts: Parameters<Cookies['set']>[2] = { path: '/', httpOnly: false, secure: false };
	for (const attr of attrs) {
		const [k, v] = attr.trim().split('=');
		const key = k!.toLowerCase();
		if (key === 'path') opts.path = v ?? '/';
		else if (key === 'max-age') opts.maxAge = Number(v);
		else if (key === 'expires') opts.expires = new Date(v ?? '');
		else if (key === 'httponly') opts.httpOnly = true;
		else if (key === 'secure') opts.secure = true;
		else if (key === 'samesite') opts.sameSite = (v ?? 'lax').toLowerCase() as 'lax' | 'strict' | 'none';
	}
	cookies.set(name, value, opts);
}

/**
 * Calls one of better-auth's endpoints from a form action, through its HTTP handler so that its
 * rate limiter applies, and carries the cookies it sets back to the browser. better-auth's HTTP
 * endpoints themselves are not exposed: every account page is a form that works without JavaScript.
 */
export async function callAuth(
	event: RequestEvent,
	path: string,
	body: Record<string, unknown> | null,
	method: 'POST' | 'GET' = 'POST'
): Promise<{ status: number; data: Record<string, unknown> | null }> {
	const auth = await getAuth();
	const headers = new Headers({
		[CLIENT_IP_HEADER]: event.getClientAddress(),
		'x-wijkweb-locale': event.locals.locale,
		origin: event.url.origin,
		'user-agent': event.request.headers.get('user-agent') ?? ''
	});
	const cookie = event.request.headers.get('cookie');
	if (cookie) headers.set('cookie', cookie);
	if (body) headers.set('content-type', 'application/json');
	const url = new URL(`/api/auth${path}`, event.url.origin);
	const response = await auth.handler(new Request(url, { method, headers, body: body ? JSON.stringify(body) : undefined }));
	for (const header of response.headers.getSetCookie()) copyCookie(event.cookies, header);
	const data = (await response.json().catch(() => null)) as Record<string, unknown> | null;
	return { status: response.status, data };
}

/**
 * The recovery codes of an account, right after its enrolment is confirmed: better-auth keeps them
 * encrypted and hands them out only to server code (its `viewBackupCodes` has no HTTP endpoint). The
 * enrolment page shows them once; nothing else calls this.
 */
export async function recoveryCodesOf(userId: string): Promise<string[]> {
	const auth = await getAuth();
	const { backupCodes } = await auth.api.viewBackupCodes({ body: { userId } });
	return backupCodes;
}

/** better-auth's error code in an answer's body (`INVALID_CODE`, `INVALID_PASSWORD`, …), if any. */
export const authErrorCode = (data: Record<string, unknown> | null): string | null => (typeof data?.code === 'string' ? data.code : null);
