import type { RequestHandler } from './$types';
import { apiProposeLink } from '#lib/server/api/index.ts';
import { proposeLinkInput } from '#lib/server/aid/index.ts';
import { ctxOf } from '#lib/server/web/ctx.ts';
import { answer, readJson } from '#lib/server/web/api.ts';

export const POST: RequestHandler = (event) =>
	answer(
		event.locals.locale,
		async () => {
			const body = await readJson(event.request, proposeLinkInput, event.locals.locale);
			return body instanceof Response ? body : apiProposeLink(ctxOf(event), body);
		},
		201
	);
