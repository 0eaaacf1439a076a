import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ownLink, respondInput, respondToLink } from '#lib/server/aid/index.ts';
import { ctxOf, failFrom, guard, parseForm, pathId } from '#lib/server/web/index.ts';
import { answerable } from '../answerable.ts';

// "No": why not, if the person wants to say (the facilitator reads it when looking for someone else).
// The no is sent only here, so a wrong tap on the question page is undone with the back link.
export const load: PageServerLoad = async (event) => {
	const id = pathId(event);
	const link = await guard(event, (ctx) => ownLink(ctx, { id }));
	if (!answerable(link)) redirect(303, `/help/links/${id}/done`);
	return { link };
};

const reasonInput = respondInput.pick({ reason: true });

export const actions: Actions = {
	default: async (event) => {
		const id = pathId(event);
		const parsed = await parseForm(event.request, reasonInput, event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		try {
			await respondToLink(ctxOf(event), { linkId: id, answer: 'decline', reason: parsed.data.reason ?? null });
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		redirect(303, `/help/links/${id}/done`);
	}
};
