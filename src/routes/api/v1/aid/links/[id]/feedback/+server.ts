import type { RequestHandler } from './$types';
import { z } from 'zod';
import { apiGiveFeedback, withPath } from '#lib/server/api/index.ts';
import { feedbackInput } from '#lib/server/aid/index.ts';
import { ctxOf } from '#lib/server/web/ctx.ts';
import { answer, problem, readJson } from '#lib/server/web/api.ts';
import { translate } from '#lib/server/web/translate.ts';

const id = z.uuid();

export const POST: RequestHandler = (event) =>
	answer(event.locals.locale, async () => {
		if (!id.safeParse(event.params.id).success) return problem(404, translate('error_not_found', event.locals.locale));
		const body = await readJson(event.request, withPath(feedbackInput, { linkId: event.params.id }), event.locals.locale);
		return body instanceof Response ? body : apiGiveFeedback(ctxOf(event), body);
	});
