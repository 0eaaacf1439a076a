import { z } from 'zod';
import { AppError, InvalidError, PROBLEM_TYPES, genericCode, isProblemCode, problemTitle, problemTypeUri } from '../core/index.ts';
import type { FieldErrors, ProblemCode } from '../core/index.ts';
import { translate } from './translate.ts';

/** Did reading the body fail because it was over the size limit? */
export const tooLarge = (e: unknown) => (e as { status?: unknown } | null)?.status === 413;

type ProblemExtra = {
	/** Field → message key, translated here (invalid input). */
	errors?: FieldErrors;
	/** Another message key for the detail than the code's own. */
	detailKey?: string;
	/** The status when the error carries its own (it should match the registry's). */
	status?: number;
	headers?: Record<string, string>;
};

/**
 * An RFC 9457 problem+json response: a stable `type` URI and `code` from the registry
 * (core/problems.ts), an English `title`, and the `detail` and field `errors` in the caller's language.
 */
export function problem(code: ProblemCode, locale: string, extra: ProblemExtra = {}): Response {
	const status = extra.status ?? PROBLEM_TYPES[code].status;
	const body: Record<string, unknown> = {
		type: problemTypeUri(code),
		code,
		title: problemTitle(code),
		status,
		detail: translate(extra.detailKey ?? code, locale)
	};
	if (extra.errors) body.errors = Object.fromEntries(Object.entries(extra.errors).map(([k, v]) => [k, translate(v, locale)]));
	return new Response(JSON.stringify(body), { status, headers: { ...extra.headers, 'content-type': 'application/problem+json' } });
}

export function problemFrom(e: unknown, locale: string): Response {
	if (!(e instanceof AppError)) throw e;
	// A key outside the registry cannot be typed in, but a cast could: it still answers with a stable type.
	const code = isProblemCode(e.key) ? e.key : genericCode(e.status);
	return problem(code, locale, { status: e.status, ...(e instanceof InvalidError ? { errors: e.fields } : {}) });
}

/** Zod issues as field → message key, the same for a body and a query ('_' for the whole). */
const fieldErrors = (issues: z.core.$ZodIssue[]): FieldErrors => Object.fromEntries(issues.map((i) => [i.path.join('.') || '_', i.message]));

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

/** The body cap of an operation that names none. */
export const BODY_CHARS_MAX = 65_536;

/** Reads a JSON body of at most `maxChars` (64 KB by default) and validates it; a Response (problem) when it is not acceptable. */
export async function readJson<S extends z.ZodType>(
	request: Request,
	schema: S,
	locale: string,
	maxChars = BODY_CHARS_MAX
): Promise<z.infer<S> | Response> {
	if (!request.headers.get('content-type')?.includes('application/json')) return problem('error_json_expected', locale);
	let text: string;
	try {
		text = await request.text();
	} catch (e) {
		// Kit refuses bodies above BODY_SIZE_LIMIT while they stream in.
		return problem(tooLarge(e) ? 'error_too_large' : 'error_bad_request', locale);
	}
	if (text.length > maxChars) return problem('error_too_large', locale);
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return problem('error_json_invalid', locale);
	}
	const nul = nulPaths(body);
	if (nul.length) return problem('error_invalid', locale, { errors: Object.fromEntries(nul.map((p) => [p, 'error_characters'])) });
	const parsed = schema.safeParse(body);
	return parsed.success ? parsed.data : problem('error_invalid', locale, { errors: fieldErrors(parsed.error.issues) });
}

/**
 * Validates the query string with an object schema; a Response (422 with a message per field, the
 * same as for a body) when it is not acceptable. A name given twice counts once, the last value.
 */
export function readQuery<S extends z.ZodType>(url: URL, schema: S, locale: string): z.infer<S> | Response {
	const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
	return parsed.success ? parsed.data : problem('error_invalid', locale, { errors: fieldErrors(parsed.error.issues) });
}
