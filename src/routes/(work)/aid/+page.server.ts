import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { confirmOffer, listNeeds, needIdInput, needQueryInput, offersToReview } from '#lib/server/aid/index.ts';
import { ctxOf } from '#lib/server/web/index.ts';
import { act } from './link-actions.ts';
import { guard, translate } from '#lib/server/web/index.ts';
import { staffAreas } from './areas.ts';

// The facilitator's queue: open needs of a neighbourhood, the oldest waiting first. The stalled links'
// count comes with the tabs (+layout.server.ts).
export const load: PageServerLoad = async (event) => {
	const query = needQueryInput.safeParse(Object.fromEntries(event.url.searchParams));
	if (!query.success) error(400, translate('error_bad_request', event.locals.locale));
	return guard(event, async (ctx) => {
		const [areas, needs, offersInReview] = await Promise.all([
			staffAreas(ctx),
			listNeeds(ctx, query.data),
			offersToReview(ctx, { areaId: query.data.areaId })
		]);
		return {
			areas,
			needs: needs.items,
			nextCursor: needs.nextCursor,
			offersInReview: offersInReview.items,
			query: query.data
		};
	});
};

// Someone who signed up alone and only offers help: confirmed here (a need to review is confirmed on its page).
export const actions: Actions = {
	confirmOffer: (event) => act(event, 'confirmOffer', needIdInput, (d) => confirmOffer(ctxOf(event), d))
};
