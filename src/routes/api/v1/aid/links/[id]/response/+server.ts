import type { RequestHandler } from './$types';
import { apiRespondToLink, respondBody } from '#lib/server/api/index.ts';
import { onIdWithJson } from '#lib/server/web/index.ts';

export const POST: RequestHandler = onIdWithJson(
	'id',
	() => respondBody,
	(ctx, id, body) => apiRespondToLink(ctx, id, body)
);
