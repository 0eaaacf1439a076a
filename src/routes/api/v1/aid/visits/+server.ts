import type { RequestHandler } from './$types';
import { apiCountVisit, visitRequest } from '#lib/server/api/index.ts';
import { ctxOf } from '#lib/server/web/ctx.ts';
import { answer, readJson } from '#lib/server/web/api.ts';

export const POST: RequestHandler = (event) =>
	answer(
		event.locals.locale,
		async () => {
			const body = await readJson(event.request, visitRequest, event.locals.locale);
			return body instanceof Response ? body : apiCountVisit(ctxOf(event), body);
		},
		201
	);
