import type { Handle } from '@sveltejs/kit/hooks';
import type { Db } from '../db/index.ts';
import { apiRateLimit, countRequest, RATE_WINDOW_SECONDS } from '../api/index.ts';
import { problem } from './api.ts';
import { db } from './runtime.ts';

/** The policy's name in the RateLimit headers (IETF draft "RateLimit header fields for HTTP"). */
const POLICY = '"per-token"';

type Options = { limit?: () => number; database?: () => Db };

/** Adds headers; a response whose headers are frozen (one made by fetch) is copied first. */
function withHeaders(response: Response, headers: Record<string, string>): Response {
	try {
		for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
		return response;
	} catch {
		const copy = new Response(response.body, response);
		for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
		return copy;
	}
}

/**
 * The per-token rate limit of /api/v1: every request made with a valid token is counted in PostgreSQL
 * (so all app servers share one count) and answered with `RateLimit-Policy` and `RateLimit`; over the
 * limit it is a 429 with `Retry-After`, and the route does not run. Requests without a token (the
 * public board, a wrong token's 401) are not counted here.
 */
export function rateLimitHandle({ limit = apiRateLimit, database = db }: Options = {}): Handle {
	return async ({ event, resolve }) => {
		const tokenId = event.locals.tokenId;
		if (!tokenId || !event.url.pathname.startsWith('/api/v1/')) return resolve(event);
		const max = limit();
		const { count, resetSeconds } = await countRequest(database(), tokenId);
		const headers = {
			'RateLimit-Policy': `${POLICY};q=${max};w=${RATE_WINDOW_SECONDS}`,
			RateLimit: `${POLICY};r=${Math.max(0, max - count)};t=${resetSeconds}`
		};
		if (count > max) return problem('error_rate_limited', event.locals.locale, { headers: { ...headers, 'Retry-After': String(resetSeconds) } });
		return withHeaders(await resolve(event), headers);
	};
}
