import type { RequestHandler } from './$types';
import { apiCloseDuplicate, duplicateBody } from '#lib/server/api/index.ts';
import { onIdWithJson } from '#lib/server/web/index.ts';

export const POST: RequestHandler = onIdWithJson('id', () => duplicateBody, apiCloseDuplicate);
