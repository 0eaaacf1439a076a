import type { RequestHandler } from './$types';
import { problem } from '#lib/server/web/api.ts';
import { translate } from '#lib/server/web/translate.ts';

// Unknown API paths answer in problem+json too, not with an HTML page.
export const fallback: RequestHandler = ({ locals }) => problem(404, translate('error_not_found', locals.locale));
