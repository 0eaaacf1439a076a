import type { RequestHandler } from './$types';
import { z } from 'zod';
import { apiDeleteOfficeHour } from '#lib/server/api/index.ts';
import { ctxOf } from '#lib/server/web/ctx.ts';
import { answer, problem } from '#lib/server/web/api.ts';
import { translate } from '#lib/server/web/translate.ts';

const id = z.uuid();

export const DELETE: RequestHandler = (event) =>
	answer(event.locals.locale, async () => {
		if (!id.safeParse(event.params.id).success) return problem(404, translate('error_not_found', event.locals.locale));
		return apiDeleteOfficeHour(ctxOf(event), event.params.id);
	});
