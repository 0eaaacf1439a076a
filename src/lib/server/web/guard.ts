import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { AppError } from '../core/index.ts';
import type { Ctx } from '../core/index.ts';
import { ctxOf } from './ctx.ts';
import { translate } from './translate.ts';

/** Runs a page load's verbs; 401 sends to sign-in, other domain errors become an error page. */
export async function guard<T>(event: Pick<RequestEvent, 'locals' | 'url'>, work: (ctx: Ctx) => Promise<T>): Promise<T> {
	try {
		return await work(ctxOf(event));
	} catch (e) {
		if (e instanceof AppError) {
			if (e.status === 401) redirect(303, `/sign-in`);
			// Not a dead end: the error page turns this one into the way to enrol (routes/+error.svelte).
			if (e.key === 'access_error_second_factor_required') error(403, { message: translate(e.key, event.locals.locale), secondFactor: true });
			error(e.status, translate(e.key, event.locals.locale));
		}
		throw e;
	}
}

const UUID = z.uuid();

/**
 * The id in a page's path (loads and actions alike: actions run without the load). Anything that is
 * not a uuid is the same 404 as an unknown id, before any query.
 */
export function pathId(event: Pick<RequestEvent, 'params' | 'locals'>, name = 'id'): string {
	const id = (event.params as Record<string, string | undefined>)[name];
	if (!id || !UUID.safeParse(id).success) error(404, translate('error_not_found', event.locals.locale));
	return id;
}
