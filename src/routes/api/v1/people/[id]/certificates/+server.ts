import type { RequestHandler } from './$types';
import { apiRecordCertificate, certificateRequest } from '#lib/server/api/index.ts';
import { onIdWithJson } from '#lib/server/web/index.ts';

export const POST: RequestHandler = onIdWithJson(
	'id',
	() => certificateRequest,
	(ctx, id, body) => apiRecordCertificate(ctx, id, body),
	201
);
