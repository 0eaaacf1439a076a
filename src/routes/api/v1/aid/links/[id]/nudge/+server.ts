import type { RequestHandler } from './$types';
import { z } from 'zod';
import { apiNudgeLink } from '#lib/server/api/index.ts';
import { ctxOf } from '#lib/server/web/ctx.ts';
import { answer, problem } from '#lib/server/web/api.ts';
import { translate } from '#lib/server/web/translate.ts';

const id = z.uuid();

// The body ({}) only exists to pass Kit's cross-site form check; it is not read.
export const POST: RequestHandler = (event) =>
	answer(event.locals.locale, async () => {
		if (!id.safeParse(event.params.id).success) return problem(404, translate('error_not_found', event.locals.locale));
		return apiNudgeLink(ctxOf(event), event.params.id, event.url.origin);
	});
