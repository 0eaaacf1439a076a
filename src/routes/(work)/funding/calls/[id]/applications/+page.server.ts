import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { assignJuror, getReviewBoard, unassignJuror } from '#lib/server/funding/index.ts';
import { ctxOf, failFrom, forForm, formValues, guard, pathId } from '#lib/server/web/index.ts';

// The officer's review board of a call: every application with its status, the grant asked, each
// juror's scores side by side, the weighted score and rank, the spread flags; the jury (add, remove).
export const load: PageServerLoad = async (event) => guard(event, async (ctx) => ({ board: await getReviewBoard(ctx, { callId: pathId(event) }) }));

const jury = (verb: typeof assignJuror | typeof unassignJuror, form: string) => async (event: Parameters<Actions[string]>[0]) => {
	const callId = pathId(event);
	const values = formValues(await event.request.formData());
	const userId = typeof values.userId === 'string' ? values.userId : '';
	try {
		await verb(ctxOf(event), { callId, userId });
	} catch (e) {
		return forForm(form, failFrom(e, values, event.locals.locale));
	}
	redirect(303, `/funding/calls/${callId}/applications?done=${form}`);
};

export const actions: Actions = { assign: jury(assignJuror, 'assign'), unassign: jury(unassignJuror, 'unassign') };
