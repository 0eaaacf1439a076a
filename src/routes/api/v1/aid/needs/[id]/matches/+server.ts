import type { RequestHandler } from './$types';
import { z } from 'zod';
import { apiSuggestMatches } from '#lib/server/api/index.ts';
import { onId, readQuery } from '#lib/server/web/index.ts';

const query = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });

export const GET: RequestHandler = onId('id', async (ctx, id, event) => {
	const q = readQuery(event.url, query, event.locals.locale);
	return q instanceof Response ? q : apiSuggestMatches(ctx, id, q.limit);
});
