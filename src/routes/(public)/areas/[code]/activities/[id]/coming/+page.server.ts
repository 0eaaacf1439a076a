import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { publicActivity } from '#lib/server/activities/index.ts';
import { NotFoundError } from '#lib/server/core/index.ts';
import { ctxOf, translate } from '#lib/server/web/index.ts';

// The confirmation page after "I'm coming" (Post/Redirect/Get): registered, or on the waiting list.
export const load: PageServerLoad = async (event) => {
	const { params, locals, url } = event;
	try {
		const { area, activity } = await publicActivity(ctxOf(event), { code: params.code, id: params.id });
		return {
			area: { code: area.code, name: area.name },
			activity: { id: activity.id, title: activity.title },
			waiting: url.searchParams.get('status') === 'waiting',
			callback: !locals.actor.userId
		};
	} catch (e) {
		if (e instanceof NotFoundError) error(404, translate('pub_activity_not_found', locals.locale));
		throw e;
	}
};
