import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { publicActivities, sessionEvent } from '#lib/server/activities/index.ts';
import { publicOfficeHours, weeklyEvent } from '#lib/server/aid/index.ts';
import { MAX_LIMIT, NotFoundError, belgianDateOf, calendar } from '#lib/server/core/index.ts';
import { ctxOf, translate } from '#lib/server/web/index.ts';

// ONE feed per neighbourhood: its public office hours (weekly) and the sessions of its public
// activities of the next eight weeks. office-hours.ics stays for those who subscribed to it.
export const GET: RequestHandler = async (event) => {
	const { params, locals, url } = event;
	const ctx = ctxOf(event);
	try {
		const { area, hours } = await publicOfficeHours(ctx, { code: params.code, limit: MAX_LIMIT });
		if (area.code !== params.code) redirect(301, `/areas/${encodeURIComponent(area.code)}/calendar.ics`);
		const { activities } = await publicActivities(ctx, { code: area.code });
		const t = (key: string, inputs: Record<string, unknown>) => translate(key, locals.locale, inputs);
		const code = encodeURIComponent(area.code);
		const body = calendar({
			name: t('pub_ical_name', { area: area.name, city: area.city }),
			events: [
				...hours.map((h) =>
					weeklyEvent({
						uid: `office-hour-${h.id}@wijkweb`,
						stamp: h.updatedAt,
						from: belgianDateOf(h.createdAt),
						day: h.day,
						start: h.start,
						end: h.end,
						summary: t('area_ical_summary', { area: area.name }),
						location: h.place
					})
				),
				...activities.flatMap((a) =>
					a.sessions.map((s) =>
						sessionEvent({
							...s,
							activityId: a.id,
							title: a.title,
							description: a.description,
							url: `${url.origin}/areas/${code}/activities/${a.id}`
						})
					)
				)
			]
		});
		return new Response(body, {
			headers: {
				'content-type': 'text/calendar; charset=utf-8',
				'content-disposition': `inline; filename="${area.code.replace(/[^a-z0-9-]/gi, '')}.ics"`,
				'cache-control': 'public, max-age=900'
			}
		});
	} catch (e) {
		if (e instanceof NotFoundError) error(404, translate('area_not_found', locals.locale));
		throw e;
	}
};
