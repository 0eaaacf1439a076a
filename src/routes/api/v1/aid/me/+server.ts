import type { RequestHandler } from './$types';
import { apiListMyAid } from '#lib/server/api/index.ts';
import { ctxOf } from '#lib/server/web/ctx.ts';
import { answer } from '#lib/server/web/api.ts';

export const GET: RequestHandler = (event) => answer(event.locals.locale, () => apiListMyAid(ctxOf(event)));
