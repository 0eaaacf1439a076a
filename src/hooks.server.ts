import { sequence, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit/hooks';
import { startMailWorker } from '#lib/server/mail/index.ts';
import { startRetentionWorker } from '#lib/server/privacy/index.ts';
import { onShutdown } from '#lib/server/core/shutdown.ts';
import { appDatabase } from '#lib/server/db/client.ts';
import { building } from '$app/env';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { defineCustomServerStrategy, extractLocaleFromRequest, getTextDirection } from '#lib/paraglide/runtime.js';
import { anonymous } from '#lib/server/core/context.ts';
import { loadActor } from '#lib/server/access/index.ts';
import { verifyToken } from '#lib/server/auth/index.ts';
import { db, getAuth } from '#lib/server/web/runtime.ts';
import { applySecurityHeaders } from '#lib/server/web/headers.ts';
import { badCharactersResponse, hasBadCharacters } from '#lib/server/web/input-check.ts';
import { rateLimitHandle } from '#lib/server/web/rate-limit.ts';
import { idempotencyHandle } from '#lib/server/web/idempotency.ts';

// hooks only resolve who is asking, in which language, and set security headers: no business rules.

const accountLocale = new WeakMap<Request, string>();
defineCustomServerStrategy('custom-account', { getLocale: (request) => (request ? accountLocale.get(request) : undefined) });

const handleActor: Handle = async ({ event, resolve }) => {
	event.locals.actor = anonymous;
	event.locals.sessionId = null;
	event.locals.tokenId = null;
	if (building) return resolve(event);
	if (event.url.pathname.startsWith('/api/v1/')) {
		const header = event.request.headers.get('authorization') ?? '';
		const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
		const found = token ? await verifyToken(db(), token) : null;
		if (found) {
			const actor = await loadActor(db(), found.userId, 'token');
			if (actor) {
				event.locals.actor = { ...actor, tokenScopes: found.scopes };
				event.locals.tokenId = found.id;
			}
		}
		return resolve(event);
	}
	// Only ask the session store when a session cookie came with the request.
	if (event.request.headers.get('cookie')?.includes('session_token')) {
		const auth = await getAuth();
		const session = await auth.api.getSession({ headers: event.request.headers });
		if (session) {
			const actor = await loadActor(db(), session.user.id);
			if (actor) {
				event.locals.actor = actor;
				event.locals.sessionId = session.session.id;
			}
		}
	}
	return resolve(event);
};

const handleLocale: Handle = ({ event, resolve }) => {
	if (event.locals.actor.locale) accountLocale.set(event.request, event.locals.actor.locale);
	// No URL strategy, so the middleware never rewrites the request; it only fixes the locale.
	return paraglideMiddleware(event.request, ({ locale }) => {
		event.locals.locale = locale;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%wijkweb.lang%', locale).replace('%wijkweb.dir%', getTextDirection(locale))
		});
	});
};

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	applySecurityHeaders(h);
	// Signed-in answers are never stored, except those a route marks public itself (open data that is
	// the same for everybody, like a neighbourhood's map picture the help form reloads on every tap).
	const shared = h.get('Cache-Control')?.startsWith('public') && !h.has('Set-Cookie');
	if (event.locals.actor.userId && !shared) h.set('Cache-Control', 'private, no-store');
	return response;
};

// Before anything else looks at the address (no session lookup, no route, no query): control
// characters in the path or the query are refused here, once for every route. The language comes
// from the cookie or the browser, as the account is not read yet.
const handleInput: Handle = ({ event, resolve }) => {
	if (!hasBadCharacters(event.url)) return resolve(event);
	event.locals.actor = anonymous;
	return badCharactersResponse(event.url, extractLocaleFromRequest(event.request));
};

// Per token, after who and which language are known: the rate limit counts every request, then a POST
// with an Idempotency-Key is run once and replayed after that.
export const handle = sequence(handleHeaders, handleInput, handleActor, handleLocale, rateLimitHandle(), idempotencyHandle());

export const handleError: HandleServerError = ({ kind, error }) => {
	// 404s, 405s and our own error() calls are expected answers; only the unexpected is logged, and its
	// details never reach the page (which shows a translated message for the status).
	if (kind !== 'unknown') return;
	console.error(error);
	return { message: 'Internal error' };
};

// Background jobs start with the server (not at build time, not in tests).
export const init: ServerInit = async () => {
	const url = process.env.DATABASE_URL;
	if (building || !url || process.env.WIJKWEB_JOBS === '0') return;
	onShutdown(() => appDatabase().close());
	onShutdown(await startMailWorker(url, db()));
	onShutdown(await startRetentionWorker(url, db()));
};
