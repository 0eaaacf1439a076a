import type { RequestHandler } from './$types';
import { z } from 'zod';
import { apiSuggestMatches } from '#lib/server/api/index.ts';
import { onId, problem } from '#lib/server/web/index.ts';
import { translate } from '#lib/server/web/index.ts';

const query = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });

export const GET: RequestHandler = onId('id', async (ctx, id, event) => {
	const q = query.safeParse(Object.fromEntries(event.url.searchParams));
	if (!q.success) return problem(400, translate('error_bad_request', event.locals.locale));
	return apiSuggestMatches(ctx, id, q.data.limit);
});
