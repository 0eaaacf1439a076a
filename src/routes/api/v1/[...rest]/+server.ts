import type { RequestHandler } from './$types';
import { problem } from '#lib/server/web/index.ts';
import { translate } from '#lib/server/web/index.ts';

// Unknown API paths answer in problem+json too, not with an HTML page.
export const fallback: RequestHandler = ({ locals }) => problem(404, translate('error_not_found', locals.locale));
