import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { UnauthenticatedError } from '../core/index.ts';
import { OPERATIONS, isIdParam, matchPath, type Operation } from '../api/index.ts';
import { ctxOf } from './ctx.ts';
import { problem, problemFrom, readJson, readQuery } from './api.ts';

// The one /api/v1 route: finds the declared operation for the method and path and runs its verb.
// Every answer that is not a success is problem+json, in the token owner's language.

const UUID = z.uuid();
const PREFIX = '/api/v1';

type Found = { op: Operation; params: Record<string, string> } | { allow: string[] } | null;

function find(method: string, path: string): Found {
	const allow: string[] = [];
	for (const op of OPERATIONS) {
		const params = matchPath(op.path, path);
		if (!params) continue;
		if (op.method === method) return { op, params };
		allow.push(op.method.toUpperCase());
	}
	return allow.length ? { allow } : null;
}

export async function dispatch(event: RequestEvent): Promise<Response> {
	const { locale } = event.locals;
	const path = event.url.pathname.slice(PREFIX.length) || '/';
	const found = find(event.request.method.toLowerCase(), path);
	if (!found) return problem('error_not_found', locale);
	if ('allow' in found) {
		return problem('error_method', locale, { headers: { allow: found.allow.join(', ') } });
	}
	const { op, params } = found;
	// Nobody signed in: 401 before the body is read or any query runs (the runner says the same).
	if (!op.verb.spec.permission.public && !event.locals.actor.userId) return problemFrom(new UnauthenticatedError(), locale);
	for (const [name, value] of Object.entries(params))
		if (isIdParam(op, name) && !UUID.safeParse(value).success) return problem('error_not_found', locale);
	const query = op.query ? readQuery(event.url, op.query, locale) : undefined;
	if (query instanceof Response) return query;
	const body = op.request ? await readJson(event.request, op.request, locale, op.maxBodyChars) : undefined;
	if (body instanceof Response) return body;
	const input = op.input ? op.input({ params, query, body } as never) : { ...params, ...(query as object), ...(body as object) };
	let output: unknown;
	try {
		output = await op.verb(ctxOf(event), input as never);
	} catch (e) {
		return problemFrom(e, locale);
	}
	// A create that found its earlier twin (a resend with the same client id) made nothing: 200, not 201.
	const repeated = (output as { repeated?: unknown } | null)?.repeated === true;
	const status = op.status === 201 && repeated ? 200 : (op.status ?? 200);
	if (status === 204) return new Response(null, { status });
	if (op.file) {
		// An export: the bytes as a download that no shared cache keeps (they come from personal records).
		const file = op.file.of(output as never);
		return new Response(file.body as Uint8Array<ArrayBuffer>, {
			status,
			headers: {
				'content-type': file.contentType,
				'content-disposition': `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`,
				'cache-control': 'private, no-store'
			}
		});
	}
	const headers = new Headers({ 'content-type': 'application/json' });
	if (op.location) headers.set('location', `${PREFIX}${op.location(output as never)}`);
	const result = op.respond ? op.respond(output as never) : output;
	return new Response(JSON.stringify(result), { status, headers });
}
