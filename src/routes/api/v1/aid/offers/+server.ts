import type { RequestHandler } from './$types';
import { apiCreateOffer } from '#lib/server/api/index.ts';
import { createOfferInput } from '#lib/server/aid/index.ts';
import { ctxOf } from '#lib/server/web/ctx.ts';
import { answer, readJson } from '#lib/server/web/api.ts';

export const POST: RequestHandler = (event) =>
	answer(
		event.locals.locale,
		async () => {
			const body = await readJson(event.request, createOfferInput, event.locals.locale);
			return body instanceof Response ? body : apiCreateOffer(ctxOf(event), body);
		},
		201
	);
