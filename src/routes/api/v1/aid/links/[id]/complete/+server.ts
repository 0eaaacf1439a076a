import type { RequestHandler } from './$types';
import { apiCompleteLink } from '#lib/server/api/index.ts';
import { onId } from '#lib/server/web/index.ts';

export const POST: RequestHandler = onId('id', (ctx, id) => apiCompleteLink(ctx, id));
