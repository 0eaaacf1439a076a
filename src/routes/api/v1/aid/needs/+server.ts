import type { RequestHandler } from './$types';
import { apiCreateNeed, apiListNeeds } from '#lib/server/api/index.ts';
import { createNeedInput, needQueryInput } from '#lib/server/aid/index.ts';
import { ctxOf } from '#lib/server/web/index.ts';
import { answer, createFromJson, problem } from '#lib/server/web/index.ts';
import { translate } from '#lib/server/web/index.ts';

export const GET: RequestHandler = (event) =>
	answer(event.locals.locale, async () => {
		const q = needQueryInput.safeParse(Object.fromEntries(event.url.searchParams));
		if (!q.success) return problem(400, translate('error_bad_request', event.locals.locale));
		return apiListNeeds(ctxOf(event), q.data);
	});

export const POST: RequestHandler = createFromJson(createNeedInput, apiCreateNeed);
