import type { RequestHandler } from './$types';
import { apiWithdrawNeed, withdrawBody } from '#lib/server/api/index.ts';
import { onIdWithJson } from '#lib/server/web/index.ts';

export const POST: RequestHandler = onIdWithJson('id', () => withdrawBody, apiWithdrawNeed);
