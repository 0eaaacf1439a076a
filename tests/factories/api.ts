import type { RequestEvent } from '@sveltejs/kit';
import type { Actor } from '../../src/lib/server/core/context.ts';
import { dispatch } from '../../src/lib/server/web/dispatch.ts';

export type ApiCall = { method?: string; path: string; body?: unknown; type?: string; headers?: Record<string, string> };

/**
 * Calls /api/v1 as the router does (the one dispatcher route), for `actor` (their token already
 * resolved into the actor, as hooks.server.ts does). `path` is relative to /api/v1 and may carry a query.
 */
export async function apiCall(actor: Actor, { method = 'GET', path, body, type = 'application/json', headers = {} }: ApiCall, locale = 'en') {
	const url = new URL(`http://localhost/api/v1${path}`);
	const init: RequestInit = { method, headers: { ...headers } };
	if (body !== undefined) {
		init.headers = { 'content-type': type, ...headers };
		init.body = typeof body === 'string' ? body : JSON.stringify(body);
	}
	const res = await dispatch({
		request: new Request(url, init),
		url,
		params: { rest: path.slice(1) },
		locals: { actor, locale }
	} as unknown as RequestEvent);
	// A file answer (an export) is bytes: kept as such, and parsed as JSON only when it says it is JSON.
	const bytes = new Uint8Array(await res.arrayBuffer());
	const text = new TextDecoder().decode(bytes);
	const file = res.status < 300 && !!res.headers.get('content-disposition');
	const json = text && !file ? (JSON.parse(text) as Record<string, unknown>) : {};
	return { status: res.status, body: json, text, bytes, headers: res.headers };
}
