import type { RequestEvent } from '@sveltejs/kit';
import type { Ctx } from '../core/index.ts';
import { db } from './runtime.ts';

/** The context a route hands to a verb: the request's actor and the app database. */
export const ctxOf = (event: Pick<RequestEvent, 'locals'>): Ctx => ({ db: db(), actor: event.locals.actor });
