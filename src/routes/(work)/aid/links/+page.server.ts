import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { z } from 'zod';
import { holds } from '#lib/server/access/index.ts';
import { listLinks } from '#lib/server/aid/index.ts';
import { guard } from '#lib/server/web/index.ts';
import { translate } from '#lib/server/web/index.ts';
import { linkActions } from '../link-actions.ts';
import { staffAreas } from '../areas.ts';

const query = z.object({
	areaId: z
		.uuid()
		.optional()
		.or(z.literal('').transform(() => undefined)),
	stalled: z.enum(['1', '']).optional(),
	cursor: z.string().max(500).optional()
});

/** Links a page shows; the next ones are a link away (`cursor`). */
const PAGE = 100;

// All links of the actor's neighbourhoods, newest change first; `stalled=1`: no change for 14 days.
export const load: PageServerLoad = async (event) => {
	const q = query.safeParse(Object.fromEntries(event.url.searchParams));
	if (!q.success) error(400, translate('error_bad_request', event.locals.locale));
	return guard(event, async (ctx) => {
		const stalled = q.data.stalled === '1';
		const [areas, links] = await Promise.all([
			staffAreas(ctx),
			listLinks(ctx, { stalled, areaId: q.data.areaId ?? null, cursor: q.data.cursor, limit: PAGE })
		]);
		return {
			areas,
			links: links.items,
			nextCursor: links.nextCursor,
			stalled,
			areaId: q.data.areaId ?? null,
			canManage: holds(ctx.actor, 'aid.link.manage')
		};
	});
};

export const actions: Actions = linkActions;
