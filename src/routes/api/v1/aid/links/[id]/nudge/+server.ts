import type { RequestHandler } from './$types';
import { apiNudgeLink } from '#lib/server/api/index.ts';
import { onId } from '#lib/server/web/index.ts';

// The body ({}) only exists to pass Kit's cross-site form check; it is not read.
export const POST: RequestHandler = onId('id', (ctx, id) => apiNudgeLink(ctx, id));
