import type { Actions, PageServerLoad } from './$types';
import { ownAreaChoices } from '#lib/server/aid/index.ts';
import { guard } from '#lib/server/web/index.ts';
import { answer, loadStep } from '../journey.ts';

// The neighbourhood comes preselected (the person's own); the map to mark a place is shown only when
// asked for (?map=1, a plain link: no JavaScript needed), and a tap on it is its own POST (?/point).
export const load: PageServerLoad = async (event) => {
	const step = await loadStep(event, 'where');
	const choices = await guard(event, (ctx) => ownAreaChoices(ctx));
	return { ...step, ...choices, showMap: event.url.searchParams.get('map') === '1' };
};
export const actions: Actions = {
	// Named, because a page with a named action (the map's) may not have a default one.
	save: (event) => answer(event, 'where'),
	point: (event) => answer(event, 'point')
};
