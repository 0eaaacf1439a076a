import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { confirmOffer, countStalledLinks, listNeeds, needIdInput, needQueryInput, offersToReview } from '#lib/server/aid/index.ts';
import { ctxOf } from '#lib/server/web/index.ts';
import { act } from './link-actions.ts';
import { holds } from '#lib/server/access/index.ts';
import { guard, translate } from '#lib/server/web/index.ts';
import { staffAreas } from './areas.ts';

// The facilitator's queue: open needs of a neighbourhood, the oldest waiting first.
export const load: PageServerLoad = async (event) => {
	const query = needQueryInput.safeParse(Object.fromEntries(event.url.searchParams));
	if (!query.success) error(400, translate('error_bad_request', event.locals.locale));
	return guard(event, async (ctx) => {
		const [areas, needs, stalled, offersInReview] = await Promise.all([
			staffAreas(ctx),
			listNeeds(ctx, query.data),
			countStalledLinks(ctx, { areaId: query.data.areaId }),
			offersToReview(ctx, query.data.areaId)
		]);
		return {
			areas,
			needs,
			offersInReview,
			query: query.data,
			stalled,
			canManage: holds(ctx.actor, 'aid.link.manage'),
			canOfficeHours: holds(ctx.actor, 'aid.office_hours.manage'),
			canWalkIn: holds(ctx.actor, 'aid.need.write'),
			canReach: holds(ctx.actor, 'aid.reach.read')
		};
	});
};

// Someone who signed up alone and only offers help: confirmed here (a need to review is confirmed on its page).
export const actions: Actions = {
	confirmOffer: (event) => act(event, 'confirmOffer', needIdInput, (d) => confirmOffer(ctxOf(event), d))
};
