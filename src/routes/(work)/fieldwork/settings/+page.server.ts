import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { readWorker, updateWorker, updateWorkerInput } from '#lib/server/fieldwork/index.ts';
import { ctxOf, failFrom, guard, parseForm } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => ({ worker: await readWorker(ctx), saved: event.url.searchParams.has('saved') }));

export const actions: Actions = {
	default: async (event) => {
		const parsed = await parseForm(event.request, updateWorkerInput, event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		try {
			await updateWorker(ctxOf(event), parsed.data);
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		redirect(303, '/fieldwork/settings?saved=1');
	}
};
