import type { RequestHandler } from './$types';
import { apiGetOffer, apiUpdateOffer, offerChangeBody } from '#lib/server/api/index.ts';
import { onId, onIdWithJson } from '#lib/server/web/index.ts';

export const GET: RequestHandler = onId('id', (ctx, id) => apiGetOffer(ctx, id));
export const PATCH: RequestHandler = onIdWithJson('id', () => offerChangeBody, apiUpdateOffer);
