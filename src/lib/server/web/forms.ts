import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { AppError, InvalidError } from '../core/index.ts';
import { translate } from './translate.ts';
import { tooLarge } from './api.ts';

export type FormState = { values: Record<string, string>; errors: Record<string, string>; message?: string; form?: string };

/** A form failure with a message for the whole form (e.g. what an auth call answered). */
export function failForm(status: number, values: Record<string, string>, message: string): ActionFailure<FormState> {
	return fail(status, { values, errors: {}, message });
}

/** Names which form of a page a failure belongs to, when a page has several. */
export function forForm(form: string, failure: ActionFailure<FormState>): ActionFailure<FormState> {
	return fail(failure.status, { ...failure.data, form });
}

const MAX_FIELD = 20_000;

/** FormData → plain values (strings, arrays for repeated names), dropping files and cut to a sane size. */
export function formValues(data: FormData): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [key, raw] of data.entries()) {
		if (typeof raw !== 'string' || key.length > 100) continue;
		const value = raw.length > MAX_FIELD ? raw.slice(0, MAX_FIELD + 1) : raw;
		const prev = out[key];
		out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
	}
	return out;
}

const echo = (values: Record<string, string | string[]>) =>
	Object.fromEntries(
		Object.entries(values)
			.filter(([k]) => !/password|token/i.test(k))
			.map(([k, v]) => [k, (Array.isArray(v) ? v.join(',') : v.slice(0, 2000)).replaceAll('\u0000', '')])
	);

/**
 * Fields holding a NUL, refused for every form whatever its schema says: PostgreSQL cannot store NUL
 * in text, so such a value would end in a 500 wherever a schema forgot it. Other control characters
 * are the schemas' business (a textarea keeps its newlines).
 */
const withNul = (values: Record<string, string | string[]>) =>
	Object.keys(values).filter((k) => [values[k]!].flat().some((v) => v.includes('\u0000')));

/** Parses a form with a Zod schema; on failure, a 400 that re-renders the form with its values and errors. */
export async function parseForm<S extends z.ZodType>(
	request: Request,
	schema: S,
	locale: string,
	arrays: string[] = []
): Promise<{ ok: true; data: z.infer<S>; values: Record<string, string | string[]> } | { ok: false; failure: ActionFailure<FormState> }> {
	let values: Record<string, string | string[]>;
	try {
		values = formValues(await request.formData());
	} catch (e) {
		const status = tooLarge(e) ? 413 : 400;
		return {
			ok: false,
			failure: fail(status, { values: {}, errors: {}, message: translate(status === 413 ? 'error_too_large' : 'error_bad_request', locale) })
		};
	}
	for (const key of arrays) if (typeof values[key] === 'string') values[key] = [values[key] as string];
	const parsed = schema.safeParse(values);
	const nul = withNul(values);
	if (parsed.success && !nul.length) return { ok: true, data: parsed.data, values };
	const errors: Record<string, string> = {};
	for (const key of nul) errors[key] = translate('error_characters', locale);
	for (const issue of parsed.error?.issues ?? []) {
		const field = String(issue.path[0] ?? '_');
		errors[field] ??= translate(issue.message, locale);
	}
	return { ok: false, failure: fail(400, { values: echo(values), errors, message: translate('error_invalid', locale) }) };
}

/** Maps a domain error thrown by a verb to a form failure in the page's language; rethrows the rest. */
export function failFrom(e: unknown, values: Record<string, string | string[]>, locale: string): ActionFailure<FormState> {
	if (e instanceof InvalidError) {
		const errors = Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, translate(v, locale)]));
		return fail(e.status, { values: echo(values), errors, message: translate(e.key, locale) });
	}
	if (e instanceof AppError) return fail(e.status, { values: echo(values), errors: {}, message: translate(e.key, locale) });
	throw e;
}
