import type { RequestHandler } from './$types';
import { apiCountVisit, visitRequest } from '#lib/server/api/index.ts';
import { createFromJson } from '#lib/server/web/index.ts';

export const POST: RequestHandler = createFromJson(visitRequest, apiCountVisit);
