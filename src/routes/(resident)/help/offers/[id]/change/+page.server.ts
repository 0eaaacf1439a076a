import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { createOfferInput, getOffer, updateOffer } from '#lib/server/aid/index.ts';
import { NotFoundError } from '#lib/server/core/index.ts';
import { guard, pathId } from '#lib/server/web/index.ts';
import { ownAidChoices, saveOwn } from '../../../own-form.ts';
import { formValuesOf } from '../../../own-record.ts';

// Change an own offer: the "Offer help" form filled with what the offer says now; the whole form replaces it.
export const load: PageServerLoad = async (event) => {
	const id = pathId(event);
	const choices = await ownAidChoices(event);
	return guard(event, async (ctx) => {
		const offer = await getOffer(ctx, id);
		if (offer.personId !== ctx.actor.personId) throw new NotFoundError();
		return { ...choices, offer: { id: offer.id, title: offer.title }, values: formValuesOf(offer) };
	});
};

export const actions: Actions = {
	default: async (event) => {
		const id = pathId(event);
		const result = await saveOwn(event, createOfferInput, (ctx, d) => updateOffer(ctx, { ...d, id, description: d.description ?? null }));
		if ('saved' in result) redirect(303, `/help/offers/${id}?saved=1`);
		return result.reply;
	}
};
