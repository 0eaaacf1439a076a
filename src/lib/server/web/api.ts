import { json, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { AppError, InvalidError } from '../core/index.ts';
import type { Ctx } from '../core/index.ts';
import { ctxOf } from './ctx.ts';
import { translate } from './translate.ts';

const TITLES: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	409: 'Conflict',
	413: 'Payload Too Large',
	415: 'Unsupported Media Type',
	422: 'Unprocessable Content'
};

/** Did reading the body fail because it was over the size limit? */
export const tooLarge = (e: unknown) => (e as { status?: unknown } | null)?.status === 413;

/** An RFC 9457 problem+json response. */
export function problem(status: number, detail: string, extra: Record<string, unknown> = {}): Response {
	return new Response(JSON.stringify({ type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail, ...extra }), {
		status,
		headers: { 'content-type': 'application/problem+json' }
	});
}

export function problemFrom(e: unknown, locale: string): Response {
	if (e instanceof InvalidError) {
		// Field messages in the caller's language, as readJson and the forms give them.
		const errors = Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, translate(v, locale)]));
		return problem(e.status, translate(e.key, locale), { errors });
	}
	if (e instanceof AppError) return problem(e.status, translate(e.key, locale));
	throw e;
}

/**
 * Where a JSON body holds a NUL (as a key or in a string, at any depth), as dotted paths: refused for
 * every body whatever its schema says, as PostgreSQL cannot store NUL in text (forms do the same).
 */
function nulPaths(value: unknown, path = ''): string[] {
	const here = path || '_';
	if (typeof value === 'string') return value.includes('\u0000') ? [here] : [];
	if (!value || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([k, v]) => {
		const p = path ? `${path}.${k}` : k;
		return k.includes('\u0000') ? [here] : nulPaths(v, p);
	});
}

/** Reads a JSON body of at most 64 KB and validates it; a Response (problem) when it is not acceptable. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S, locale: string): Promise<z.infer<S> | Response> {
	if (!request.headers.get('content-type')?.includes('application/json')) return problem(415, translate('error_json_expected', locale));
	let text: string;
	try {
		text = await request.text();
	} catch (e) {
		// Kit refuses bodies above BODY_SIZE_LIMIT while they stream in.
		return tooLarge(e) ? problem(413, translate('error_too_large', locale)) : problem(400, translate('error_bad_request', locale));
	}
	if (text.length > 65_536) return problem(413, translate('error_too_large', locale));
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return problem(400, translate('error_json_invalid', locale));
	}
	const nul = nulPaths(body);
	if (nul.length)
		return problem(422, translate('error_invalid', locale), {
			errors: Object.fromEntries(nul.map((p) => [p, translate('error_characters', locale)]))
		});
	const parsed = schema.safeParse(body);
	if (!parsed.success) {
		const errors = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || '_', translate(i.message, locale)]));
		return problem(422, translate('error_invalid', locale), { errors });
	}
	return parsed.data;
}

export const ok = (data: unknown, status = 200) => json(data, { status });

/** Runs an API handler: its result as JSON, domain errors as problem+json in the caller's language. */
export async function answer(locale: string, work: () => Promise<unknown>, status = 200): Promise<Response> {
	try {
		const result = await work();
		return result instanceof Response ? result : ok(result, status);
	} catch (e) {
		return problemFrom(e, locale);
	}
}

/** A POST that creates: the JSON body checked with `schema`, then the verb; 201 with what it made. */
export const createFromJson =
	<S extends z.ZodType>(schema: S, verb: (ctx: Ctx, body: z.infer<S>) => Promise<unknown>) =>
	(event: RequestEvent): Promise<Response> =>
		answer(
			event.locals.locale,
			async () => {
				const body = await readJson(event.request, schema, event.locals.locale);
				return body instanceof Response ? body : verb(ctxOf(event), body);
			},
			201
		);

const UUID = z.uuid();

/**
 * An operation on one resource named by a uuid in the path (`param`): a malformed id is a 404, the
 * same answer as an unknown one; then `work` with the id.
 */
export const onId =
	(param: string, work: (ctx: Ctx, id: string, event: RequestEvent) => Promise<unknown>, status = 200) =>
	(event: RequestEvent): Promise<Response> =>
		answer(
			event.locals.locale,
			async () => {
				const id = (event.params as Record<string, string | undefined>)[param];
				if (!id || !UUID.safeParse(id).success) return problem(404, translate('error_not_found', event.locals.locale));
				return work(ctxOf(event), id, event);
			},
			status
		);

/** The same with a JSON body, checked by the schema `bodyFor` gives for the id (a problem when it is not acceptable). */
export const onIdWithJson = <S extends z.ZodType>(
	param: string,
	bodyFor: (id: string) => S,
	work: (ctx: Ctx, id: string, body: z.infer<S>) => Promise<unknown>,
	status = 200
) =>
	onId(
		param,
		async (ctx, id, event) => {
			const body = await readJson(event.request, bodyFor(id), event.locals.locale);
			return body instanceof Response ? body : work(ctx, id, body);
		},
		status
	);
