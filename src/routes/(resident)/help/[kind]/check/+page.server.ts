import type { Actions, PageServerLoad } from './$types';
import { ownAreaChoices } from '#lib/server/aid/index.ts';
import { guard } from '#lib/server/web/index.ts';
import { discard, loadStep, send } from '../journey.ts';

export const load: PageServerLoad = async (event) => {
	const step = await loadStep(event, 'check');
	const { areas } = await guard(event, (ctx) => ownAreaChoices(ctx));
	return { ...step, areas };
};
export const actions: Actions = { send, discard };
