import type { RequestHandler } from './$types';
import { getMutualAidReach } from '#lib/server/aid/index.ts';
import { ctxOf } from '#lib/server/web/index.ts';
import { answer } from '#lib/server/web/index.ts';

// The verb validates the query itself (dates in order, at most five years) and answers 422 otherwise.
export const GET: RequestHandler = (event) =>
	answer(event.locals.locale, async () => {
		const q = event.url.searchParams;
		return getMutualAidReach(ctxOf(event), { areaId: q.get('areaId') ?? undefined, from: q.get('from') ?? '', to: q.get('to') ?? '' });
	});
