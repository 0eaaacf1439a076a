import type { Actions, PageServerLoad } from './$types';
import { error, redirect } from '@sveltejs/kit';
import { createCall, createCallInput, listProgrammes } from '#lib/server/funding/index.ts';
import { ctxOf, failFrom, guard, parseForm, translate } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const programmes = await listProgrammes(ctx);
		const programme = programmes.find((p) => p.id === event.url.searchParams.get('programme')) ?? programmes[0];
		if (!programme) error(404, translate('error_not_found', event.locals.locale));
		return { programme: { id: programme.id, name: programme.name } };
	});

export const actions: Actions = {
	default: async (event) => {
		const parsed = await parseForm(event.request, createCallInput, event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		let id: string;
		try {
			({ id } = await createCall(ctxOf(event), { ...parsed.data, locale: event.locals.locale }));
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		redirect(303, `/funding/calls/${id}`);
	}
};
