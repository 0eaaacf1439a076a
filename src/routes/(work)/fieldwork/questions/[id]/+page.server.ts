import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { getQuestion, questionNextSteps, updateQuestion, updateQuestionInput } from '#lib/server/fieldwork/index.ts';
import { ctxOf, failFrom, guard, parseForm, pathId } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) => {
	const id = pathId(event);
	return guard(event, async (ctx) => {
		const question = await getQuestion(ctx, { id });
		// "Referred" is reached by referring (the Refer link), so it is not a button of its own.
		const steps = questionNextSteps(question.status).filter((s) => s !== 'referred');
		return { question, steps, created: event.url.searchParams.get('created') === '1', saved: event.url.searchParams.get('saved') === '1' };
	});
};

export const actions: Actions = {
	status: async (event) => {
		const id = pathId(event);
		const parsed = await parseForm(event.request, updateQuestionInput.omit({ id: true }), event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		try {
			await updateQuestion(ctxOf(event), { ...parsed.data, id });
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		redirect(303, `/fieldwork/questions/${id}?saved=1`);
	}
};
