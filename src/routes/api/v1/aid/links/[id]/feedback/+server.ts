import type { RequestHandler } from './$types';
import { apiGiveFeedback, withPath } from '#lib/server/api/index.ts';
import { feedbackInput } from '#lib/server/aid/index.ts';
import { onIdWithJson } from '#lib/server/web/index.ts';

export const POST: RequestHandler = onIdWithJson(
	'id',
	(linkId) => withPath(feedbackInput, { linkId }),
	(ctx, _id, body) => apiGiveFeedback(ctx, body)
);
