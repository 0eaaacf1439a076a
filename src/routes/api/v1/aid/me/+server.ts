import type { RequestHandler } from './$types';
import { apiListMyAid } from '#lib/server/api/index.ts';
import { ctxOf } from '#lib/server/web/index.ts';
import { answer } from '#lib/server/web/index.ts';

export const GET: RequestHandler = (event) => answer(event.locals.locale, () => apiListMyAid(ctxOf(event)));
