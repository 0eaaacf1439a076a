import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { ownLink, respondToLink } from '#lib/server/aid/index.ts';
import { ctxOf, failFrom, guard, parseForm, pathId } from '#lib/server/web/index.ts';
import { answerable } from './answerable.ts';

// The question of a proposed link, one thing on the page: "Do you want to help Vera with shopping?".
// Yes answers at once; No first asks why (optional) on a page of its own. Every answer ends on the
// confirmation page by a redirect, so the back button never posts twice.
export const load: PageServerLoad = async (event) => {
	const id = pathId(event);
	const link = await guard(event, (ctx) => ownLink(ctx, { id }));
	// Answered already (or no longer open): what happens next, not the question again.
	if (!answerable(link)) redirect(303, `/help/links/${id}/done`);
	return { link };
};

const answerInput = z.object({ answer: z.enum(['yes', 'no'], { message: 'error_choice' }) });

export const actions: Actions = {
	default: async (event) => {
		const id = pathId(event);
		const parsed = await parseForm(event.request, answerInput, event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		if (parsed.data.answer === 'no') redirect(303, `/help/links/${id}/decline`);
		try {
			await respondToLink(ctxOf(event), { linkId: id, answer: 'accept' });
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		redirect(303, `/help/links/${id}/done`);
	}
};
