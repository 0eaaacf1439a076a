import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { publicActivity, sessionEvent } from '#lib/server/activities/index.ts';
import { NotFoundError, calendar } from '#lib/server/core/index.ts';
import { ctxOf, translate } from '#lib/server/web/index.ts';

// One public activity's sessions to come, as a calendar to subscribe to ("Add to my calendar").
export const GET: RequestHandler = async (event) => {
	const { params, locals, url } = event;
	try {
		const { area, activity } = await publicActivity(ctxOf(event), { code: params.code, id: params.id });
		const page = `${url.origin}/areas/${encodeURIComponent(area.code)}/activities/${activity.id}`;
		const body = calendar({
			name: activity.title,
			events: activity.sessions.map((s) =>
				sessionEvent({ ...s, activityId: activity.id, title: activity.title, description: activity.description, url: page })
			)
		});
		return new Response(body, {
			headers: {
				'content-type': 'text/calendar; charset=utf-8',
				'content-disposition': `inline; filename="activity-${activity.id}.ics"`,
				'cache-control': 'public, max-age=900'
			}
		});
	} catch (e) {
		if (e instanceof NotFoundError) error(404, translate('pub_activity_not_found', locals.locale));
		throw e;
	}
};
