import type { RequestHandler } from './$types';
import { z } from 'zod';
import { apiSuggestMatches } from '#lib/server/api/index.ts';
import { ctxOf } from '#lib/server/web/ctx.ts';
import { answer, problem } from '#lib/server/web/api.ts';
import { translate } from '#lib/server/web/translate.ts';

const params = z.object({ id: z.uuid() });
const query = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });

export const GET: RequestHandler = (event) =>
	answer(event.locals.locale, async () => {
		const p = params.safeParse(event.params);
		if (!p.success) return problem(404, translate('error_not_found', event.locals.locale));
		const q = query.safeParse(Object.fromEntries(event.url.searchParams));
		if (!q.success) return problem(400, translate('error_bad_request', event.locals.locale));
		return apiSuggestMatches(ctxOf(event), p.data.id, q.data.limit);
	});
