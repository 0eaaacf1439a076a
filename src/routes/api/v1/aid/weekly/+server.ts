import type { RequestHandler } from './$types';
import { apiWeeklyProposal, weeklyQueryInput } from '#lib/server/api/index.ts';
import { answer, ctxOf, readQuery } from '#lib/server/web/index.ts';

export const GET: RequestHandler = (event) =>
	answer(event.locals.locale, async () => {
		const q = readQuery(event.url, weeklyQueryInput, event.locals.locale);
		return q instanceof Response ? q : apiWeeklyProposal(ctxOf(event), q.areaId);
	});
