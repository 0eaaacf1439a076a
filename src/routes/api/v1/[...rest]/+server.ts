import type { RequestHandler } from './$types';
import { problem } from '#lib/server/web/api.ts';

// Unknown API paths answer in problem+json too, not with an HTML page.
export const fallback: RequestHandler = ({ locals }) => problem('error_not_found', locals.locale);
