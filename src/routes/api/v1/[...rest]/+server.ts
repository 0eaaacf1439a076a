import type { RequestHandler } from './$types';
import { dispatch } from '#lib/server/web/index.ts';

// The one /api/v1 route: every operation is declared with its verb (api/operations.ts) and served
// here, through the verb runner; unknown paths answer in problem+json too, not with an HTML page.
export const fallback: RequestHandler = (event) => dispatch(event);
