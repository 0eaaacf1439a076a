import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { publicActivities } from '#lib/server/activities/index.ts';
import { publicBoard, publicOfficeHours } from '#lib/server/aid/index.ts';
import { mappedAreas } from '#lib/server/areas/index.ts';
import { MAX_LIMIT, NotFoundError } from '#lib/server/core/index.ts';
import { ctxOf, translate } from '#lib/server/web/index.ts';

// A neighbourhood's public page: no account needed, public office hours only (a neighbourhood has a
// handful: the first page is all of them), and the anonymous needs board when the neighbourhood
// switched it on (null otherwise); whether it has a boundary to draw (its map, /areas/<code>/map.svg);
// the public activities with their sessions of the next eight weeks.
export const load: PageServerLoad = async (event) => {
	const { params, locals } = event;
	const ctx = ctxOf(event);
	try {
		const { area, hours } = await publicOfficeHours(ctx, { code: params.code, limit: MAX_LIMIT });
		if (area.code !== params.code) redirect(301, `/areas/${encodeURIComponent(area.code)}`);
		const { board } = await publicBoard(ctx, { code: area.code });
		const hasMap = (await mappedAreas(ctx, { ids: [area.id] })).has(area.id);
		const { activities } = await publicActivities(ctx, { code: area.code });
		return {
			area,
			hours: hours.map((h) => ({ id: h.id, place: h.place, day: h.day, start: h.start, end: h.end })),
			board,
			hasMap,
			activities: activities.map((a) => ({
				id: a.id,
				title: a.title,
				place: a.place,
				pattern: a.pattern,
				next: a.sessions.slice(0, 3).map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt }))
			}))
		};
	} catch (e) {
		if (e instanceof NotFoundError) error(404, translate('area_not_found', locals.locale));
		throw e;
	}
};
