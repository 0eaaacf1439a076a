import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { createNeed, createNeedInput } from '#lib/server/aid/index.ts';
import { ownAidChoices, saveOwn } from '../own-form.ts';

export const load: PageServerLoad = async (event) => ownAidChoices(event);

export const actions: Actions = {
	default: async (event) => {
		const result = await saveOwn(event, createNeedInput, createNeed);
		if ('saved' in result) redirect(303, '/help?saved=need');
		return result.reply;
	}
};
