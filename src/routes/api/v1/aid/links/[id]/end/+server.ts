import type { RequestHandler } from './$types';
import { apiEndLink, withPath } from '#lib/server/api/index.ts';
import { endLinkInput } from '#lib/server/aid/index.ts';
import { onIdWithJson } from '#lib/server/web/index.ts';

export const POST: RequestHandler = onIdWithJson(
	'id',
	(linkId) => withPath(endLinkInput, { linkId }),
	(ctx, _id, body) => apiEndLink(ctx, body)
);
