import type { RequestHandler } from './$types';
import { apiWeeklyProposal, weeklyQueryInput } from '#lib/server/api/index.ts';
import { ctxOf } from '#lib/server/web/index.ts';
import { answer, problem } from '#lib/server/web/index.ts';
import { translate } from '#lib/server/web/index.ts';

export const GET: RequestHandler = (event) =>
	answer(event.locals.locale, async () => {
		const q = weeklyQueryInput.safeParse(Object.fromEntries(event.url.searchParams));
		if (!q.success) return problem(400, translate('error_bad_request', event.locals.locale));
		return apiWeeklyProposal(ctxOf(event), q.data.areaId);
	});
