import type { RequestHandler } from './$types';
import { apiGetNeed, apiUpdateNeed, needChangeBody } from '#lib/server/api/index.ts';
import { onId, onIdWithJson } from '#lib/server/web/index.ts';

export const GET: RequestHandler = onId('id', (ctx, id) => apiGetNeed(ctx, id));
export const PATCH: RequestHandler = onIdWithJson('id', () => needChangeBody, apiUpdateNeed);
