import type { RequestHandler } from './$types';
import { apiCreateNeed, apiListNeeds } from '#lib/server/api/index.ts';
import { createNeedInput, needQueryInput } from '#lib/server/aid/index.ts';
import { answer, createFromJson, ctxOf, readQuery } from '#lib/server/web/index.ts';

export const GET: RequestHandler = (event) =>
	answer(event.locals.locale, async () => {
		const q = readQuery(event.url, needQueryInput, event.locals.locale);
		return q instanceof Response ? q : apiListNeeds(ctxOf(event), q);
	});

export const POST: RequestHandler = createFromJson(createNeedInput, apiCreateNeed);
