import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { createQuestion, createQuestionInput, questionChoices } from '#lib/server/fieldwork/index.ts';
import { ctxOf, failFrom, guard, parseForm } from '#lib/server/web/index.ts';
import { THEMES } from '#lib/themes.ts';

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		// Raised from a contact (?contact=) or, before the contact pages exist, from a person (?person=).
		const contactId = event.url.searchParams.get('contact') ?? '';
		const personId = event.url.searchParams.get('person') ?? '';
		const choices = await questionChoices(ctx, { contactId, personId });
		return { contactId, personId, themes: THEMES, ...choices, me: ctx.actor.userId };
	});

export const actions: Actions = {
	default: async (event) => {
		const parsed = await parseForm(event.request, createQuestionInput, event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		let id: string;
		try {
			({ id } = await createQuestion(ctxOf(event), parsed.data));
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		redirect(303, `/fieldwork/questions/${id}?created=1`);
	}
};
