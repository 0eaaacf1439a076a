import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { AppError } from '../core/errors.ts';
import type { Ctx } from '../core/context.ts';
import { ctxOf } from './ctx.ts';
import { translate } from './translate.ts';

/** Runs a page load's verbs; 401 sends to sign-in, other domain errors become an error page. */
export async function guard<T>(event: Pick<RequestEvent, 'locals' | 'url'>, work: (ctx: Ctx) => Promise<T>): Promise<T> {
	try {
		return await work(ctxOf(event));
	} catch (e) {
		if (e instanceof AppError) {
			if (e.status === 401) redirect(303, `/sign-in`);
			error(e.status, translate(e.key, event.locals.locale));
		}
		throw e;
	}
}
