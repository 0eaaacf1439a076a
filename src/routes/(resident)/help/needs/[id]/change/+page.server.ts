import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { createNeedInput, getNeed, updateNeed } from '#lib/server/aid/index.ts';
import { NotFoundError } from '#lib/server/core/index.ts';
import { guard, pathId } from '#lib/server/web/index.ts';
import { ownAidChoices, saveOwn } from '../../../own-form.ts';
import { formValuesOf } from '../../../own-record.ts';

// Change an own need: the same form as "Ask for help", filled with what the need says now. The whole
// form is sent, so it replaces what the need says (an emptied description is cleared).
export const load: PageServerLoad = async (event) => {
	const id = pathId(event);
	const choices = await ownAidChoices(event);
	return guard(event, async (ctx) => {
		const need = await getNeed(ctx, id);
		if (need.personId !== ctx.actor.personId) throw new NotFoundError();
		return { ...choices, need: { id: need.id, title: need.title, status: need.status }, values: formValuesOf(need) };
	});
};

export const actions: Actions = {
	default: async (event) => {
		const id = pathId(event);
		const result = await saveOwn(event, createNeedInput, (ctx, d) => updateNeed(ctx, { ...d, id, description: d.description ?? null }));
		if ('saved' in result) redirect(303, `/help/needs/${id}?saved=1`);
		return result.reply;
	}
};
