import type { Actions, PageServerLoad } from './$types';
import { fail, redirect } from '@sveltejs/kit';
import { AppError } from '#lib/server/core/index.ts';
import { getApplication, submitApplication } from '#lib/server/funding/index.ts';
import { ctxOf, guard, pathId, signInFor, translate } from '#lib/server/web/index.ts';

// Check and send: every rule of the call against the saved application (the server's clock for the
// deadline), and the one button that freezes it. The button is there only when every rule holds; the
// verb checks again, so a post after the deadline or a co-editor's breaking save is refused all the same.

export const load: PageServerLoad = async (event) => {
	if (!event.locals.actor.userId) redirect(303, signInFor(event.url));
	return guard(event, async (ctx) => ({ application: await getApplication(ctx, { id: pathId(event) }) }));
};

export const actions: Actions = {
	default: async (event) => {
		const id = pathId(event);
		const form = await event.request.formData();
		const version = Number(form.get('version'));
		try {
			await submitApplication(ctxOf(event), { id, version });
		} catch (e) {
			// The page reloads with the rules as they are now, which say what stopped it.
			if (e instanceof AppError && e.status < 500) return fail(e.status, { message: translate(e.key, event.locals.locale) });
			throw e;
		}
		redirect(303, `/apply/${id}?submitted`);
	}
};
