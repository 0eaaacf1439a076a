import type { RequestHandler } from './$types';
import { z } from 'zod';
import { apiPublicBoard, apiSetBoard, boardSwitchBody } from '#lib/server/api/index.ts';
import { ctxOf } from '#lib/server/web/ctx.ts';
import { answer, problem, readJson } from '#lib/server/web/api.ts';
import { db } from '#lib/server/web/runtime.ts';
import { translate } from '#lib/server/web/translate.ts';

const id = z.uuid();

// Public: the same data as the neighbourhood page, for anyone, with or without a token.
export const GET: RequestHandler = (event) => answer(event.locals.locale, () => apiPublicBoard(db(), event.params.area));

// The switch takes the neighbourhood's id, as the office-hours page's form does.
export const POST: RequestHandler = (event) =>
	answer(event.locals.locale, async () => {
		if (!id.safeParse(event.params.area).success) return problem(404, translate('error_not_found', event.locals.locale));
		const body = await readJson(event.request, boardSwitchBody, event.locals.locale);
		return body instanceof Response ? body : apiSetBoard(ctxOf(event), event.params.area, body);
	});
