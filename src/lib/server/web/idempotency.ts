import { createHash } from 'node:crypto';
import type { Handle } from '@sveltejs/kit/hooks';
import type { Db } from '../db/index.ts';
import { claimKey, releaseKey, storeAnswer } from '../api/index.ts';
import { problem } from './api.ts';
import { db } from './runtime.ts';

// RFC 9110 field values trim surrounding spaces; a key is 1–255 visible ASCII characters.
const KEY = /^[\x21-\x7e]{1,255}$/;
/** What a replay must repeat besides status and body. */
const KEPT_HEADERS = ['content-type', 'location'];

type Options = { database?: () => Db };

/**
 * `Idempotency-Key` on a POST to /api/v1 with a token: the first request with a key runs and its
 * answer is kept for 24 hours; a repeat with the same method, path and body gets that answer again
 * (`Idempotency-Replayed: true`) without running anything; the key with another body or path is a 422;
 * a repeat while the first still runs is a 409 (retry shortly). A failed request (4xx, 5xx) is not
 * kept, so a corrected retry with the same key runs. Without the header nothing changes.
 */
export function idempotencyHandle({ database = db }: Options = {}): Handle {
	return async ({ event, resolve }) => {
		const key = event.request.headers.get('idempotency-key');
		const tokenId = event.locals.tokenId;
		if (key === null || !tokenId || event.request.method !== 'POST' || !event.url.pathname.startsWith('/api/v1/')) return resolve(event);
		const locale = event.locals.locale;
		if (!KEY.test(key)) return problem('error_invalid', locale, { errors: { 'Idempotency-Key': 'error_idempotency_key' } });
		let raw: ArrayBuffer;
		try {
			raw = await event.request.clone().arrayBuffer();
		} catch {
			// Too large or cut off: the route answers that (413/400), and failures are not kept.
			return resolve(event);
		}
		const request = {
			tokenId,
			key,
			method: event.request.method,
			path: event.url.pathname,
			bodyHash: createHash('sha256').update(new Uint8Array(raw)).digest('hex')
		};
		const found = await claimKey(database(), request);
		if (found.kind === 'reused') return problem('error_idempotency_key_reused', locale);
		if (found.kind === 'in-flight') return problem('error_idempotency_in_flight', locale, { headers: { 'Retry-After': '1' } });
		if (found.kind === 'replay') {
			const { status, headers, body } = found.answer;
			return new Response(body, { status, headers: { ...headers, 'Idempotency-Replayed': 'true' } });
		}
		let response: Response;
		try {
			response = await resolve(event);
		} catch (e) {
			await releaseKey(database(), tokenId, key, found.claim);
			throw e;
		}
		if (response.status >= 400) {
			await releaseKey(database(), tokenId, key, found.claim);
			return response;
		}
		const headers = Object.fromEntries(KEPT_HEADERS.flatMap((h) => (response.headers.has(h) ? [[h, response.headers.get(h)!]] : [])));
		await storeAnswer(database(), tokenId, key, found.claim, { status: response.status, headers, body: await response.clone().text() });
		return response;
	};
}
