import type { RequestHandler } from './$types';
import { apiDeleteOfficeHour } from '#lib/server/api/index.ts';
import { onId } from '#lib/server/web/index.ts';

export const DELETE: RequestHandler = onId('id', (ctx, id) => apiDeleteOfficeHour(ctx, id));
