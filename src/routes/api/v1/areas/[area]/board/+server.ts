import type { RequestHandler } from './$types';
import { apiPublicBoard, apiSetBoard, boardSwitchBody } from '#lib/server/api/index.ts';
import { answer, onIdWithJson } from '#lib/server/web/index.ts';
import { db } from '#lib/server/web/index.ts';

// Public: the same data as the neighbourhood page, for anyone, with or without a token.
export const GET: RequestHandler = (event) => answer(event.locals.locale, () => apiPublicBoard(db(), event.params.area));

// The switch takes the neighbourhood's id, as the office-hours page's form does.
export const POST: RequestHandler = onIdWithJson(
	'area',
	() => boardSwitchBody,
	(ctx, areaId, body) => apiSetBoard(ctx, areaId, body)
);
