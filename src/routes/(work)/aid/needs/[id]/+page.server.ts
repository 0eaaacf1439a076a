import type { Actions, PageServerLoad } from './$types';
import { z } from 'zod';
import { can } from '#lib/server/access/index.ts';
import { getNeed, listLinks, proposeLink, suggestMatches } from '#lib/server/aid/index.ts';
import { MAX_LIMIT } from '#lib/server/core/index.ts';
import { ctxOf } from '#lib/server/web/index.ts';
import { act, linkActions } from '../../link-actions.ts';
import { reviewActions } from './review-actions.ts';
import { guard, pathId } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) => {
	pathId(event);
	return guard(event, async (ctx) => {
		const need = await getNeed(ctx, { id: event.params.id! });
		const [suggestions, links] = await Promise.all([
			need.status === 'open' ? suggestMatches(ctx, { needId: need.id }) : { candidates: [], leftOut: { full: 0, certificate: 0, paused: 0 } },
			listLinks(ctx, { needId: need.id, limit: MAX_LIMIT })
		]);
		return {
			need,
			candidates: suggestions.candidates,
			leftOut: suggestions.leftOut,
			links: links.items,
			canManage: can(ctx.actor, 'aid.link.manage', { organisationId: need.organisationId, areaId: need.areaId })
		};
	});
};

export const actions: Actions = {
	...linkActions,
	...reviewActions,
	propose: async (event) => {
		pathId(event);
		return act(event, 'propose', z.object({ offerId: z.uuid('error_not_found') }), (d) =>
			proposeLink(ctxOf(event), { needId: event.params.id!, offerId: d.offerId })
		);
	}
};
