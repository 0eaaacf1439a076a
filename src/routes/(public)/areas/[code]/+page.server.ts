import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { publicBoard, publicOfficeHours } from '#lib/server/aid/index.ts';
import { NotFoundError } from '#lib/server/core/index.ts';
import { db } from '#lib/server/web/index.ts';
import { translate } from '#lib/server/web/index.ts';

// A neighbourhood's public page: no account needed, public office hours only, and the anonymous
// needs board when the neighbourhood switched it on (null otherwise).
export const load: PageServerLoad = async ({ params, locals }) => {
	try {
		const { area, hours } = await publicOfficeHours(db(), params.code);
		if (area.code !== params.code) redirect(301, `/areas/${encodeURIComponent(area.code)}`);
		const board = await publicBoard(db(), area.code);
		return { area, hours: hours.map((h) => ({ id: h.id, place: h.place, day: h.day, start: h.start, end: h.end })), board };
	} catch (e) {
		if (e instanceof NotFoundError) error(404, translate('area_not_found', locals.locale));
		throw e;
	}
};
