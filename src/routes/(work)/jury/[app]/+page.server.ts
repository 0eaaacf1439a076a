import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { declareConflict, getJuryApplication, scoreApplication } from '#lib/server/funding/index.ts';
import { ctxOf, failFrom, forForm, formValues, guard, pathId } from '#lib/server/web/index.ts';

// The juror's page of one application: its frozen text (no contact data), their scores per criterion
// on the call's scale with a comment, saved as a draft or made final with a motivation; a conflict of
// interest declared after a confirmation (?confirm=conflict), after which the application is gone for them.

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => ({
		application: await getJuryApplication(ctx, { id: pathId(event, 'app') }),
		confirm: event.url.searchParams.get('confirm') === 'conflict' ? ('conflict' as const) : null
	}));

const text = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

export const actions: Actions = {
	score: async (event) => {
		const applicationId = pathId(event, 'app');
		const values = formValues(await event.request.formData());
		const ctx = ctxOf(event);
		try {
			const { rules } = await getJuryApplication(ctx, { id: applicationId });
			// A criterion left on "no score" is not sent; anything typed that is not a whole number is refused by the verb.
			const scores = rules.criteria
				.filter((c) => text(values[`score_${c.key}`]).trim() !== '')
				.map((c) => ({ criterion: c.key, score: Number(text(values[`score_${c.key}`])), comment: text(values[`comment_${c.key}`]) }));
			await scoreApplication(ctx, { applicationId, scores, motivation: text(values.motivation), final: text(values.final) === 'yes' });
		} catch (e) {
			return forForm('score', failFrom(e, values, event.locals.locale));
		}
		redirect(303, `/jury/${applicationId}?done=score`);
	},
	conflict: async (event) => {
		const applicationId = pathId(event, 'app');
		const values = formValues(await event.request.formData());
		try {
			await declareConflict(ctxOf(event), { applicationId, reason: text(values.reason) });
		} catch (e) {
			return forForm('conflict', failFrom(e, values, event.locals.locale));
		}
		redirect(303, '/jury');
	}
};
