import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { publicOfficeHours, weeklyCalendar } from '#lib/server/aid/index.ts';
import { MAX_LIMIT, NotFoundError, belgianDateOf } from '#lib/server/core/index.ts';
import { ctxOf, translate } from '#lib/server/web/index.ts';

// The public office hours of one neighbourhood as an iCalendar feed people can subscribe to.
export const GET: RequestHandler = async (event) => {
	const { params, locals } = event;
	try {
		const { area, hours } = await publicOfficeHours(ctxOf(event), { code: params.code, limit: MAX_LIMIT });
		if (area.code !== params.code) redirect(301, `/areas/${encodeURIComponent(area.code)}/office-hours.ics`);
		const t = (key: string, inputs: Record<string, unknown>) => translate(key, locals.locale, inputs);
		const body = weeklyCalendar({
			name: t('area_ical_name', { area: area.name, city: area.city }),
			events: hours.map((h) => ({
				uid: `office-hour-${h.id}@wijkweb`,
				stamp: h.updatedAt,
				from: belgianDateOf(h.createdAt),
				day: h.day,
				start: h.start,
				end: h.end,
				summary: t('area_ical_summary', { area: area.name }),
				location: h.place
			}))
		});
		return new Response(body, {
			headers: {
				'content-type': 'text/calendar; charset=utf-8',
				'content-disposition': `inline; filename="office-hours-${area.code.replace(/[^a-z0-9-]/gi, '')}.ics"`,
				'cache-control': 'public, max-age=900'
			}
		});
	} catch (e) {
		if (e instanceof NotFoundError) error(404, translate('area_not_found', locals.locale));
		throw e;
	}
};
