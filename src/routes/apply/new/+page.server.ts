import type { Actions, PageServerLoad } from './$types';
import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { createApplication, createApplicationInput, deadline, getCall } from '#lib/server/funding/index.ts';
import { ctxOf, failFrom, guard, parseForm, signInFor, translate } from '#lib/server/web/index.ts';

// Starting an application: who applies (a kind the call allows, and a name), then the form. An
// applicant who is not signed in signs in first and comes back here (`?next=`).

const callId = (url: URL, locale: string) => {
	const id = z.uuid().safeParse(url.searchParams.get('call'));
	if (!id.success) error(404, translate('error_not_found', locale));
	return id.data;
};

export const load: PageServerLoad = async (event) => {
	if (!event.locals.actor.userId) redirect(303, signInFor(event.url));
	const id = callId(event.url, event.locals.locale);
	return guard(event, async (ctx) => {
		const call = await getCall(ctx, { id });
		return { call, deadline: deadline(call, new Date()), name: event.locals.actor.name ?? '' };
	});
};

export const actions: Actions = {
	default: async (event) => {
		const id = callId(event.url, event.locals.locale);
		const parsed = await parseForm(event.request, createApplicationInput.omit({ callId: true }), event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		let made: { id: string };
		try {
			made = await createApplication(ctxOf(event), { ...parsed.data, callId: id });
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		redirect(303, `/apply/${made.id}`);
	}
};
