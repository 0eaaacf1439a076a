import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { joinActivity, publicActivity } from '#lib/server/activities/index.ts';
import { NotFoundError } from '#lib/server/core/index.ts';
import { ctxOf, failFrom, formValues, translate } from '#lib/server/web/index.ts';

// A public activity's page: what, where, when, its next sessions, its calendar, and "I'm coming".
export const load: PageServerLoad = async (event) => {
	const { params, locals } = event;
	try {
		const { area, activity, capacity, placesLeft } = await publicActivity(ctxOf(event), { code: params.code, id: params.id });
		return { area, activity, capacity, placesLeft, signedInAs: locals.actor.userId ? (locals.actor.name ?? locals.actor.email) : null };
	} catch (e) {
		if (e instanceof NotFoundError) error(404, translate('pub_activity_not_found', locals.locale));
		throw e;
	}
};

export const actions: Actions = {
	default: async (event) => {
		const { params, locals } = event;
		const values = formValues(await event.request.formData());
		const code = encodeURIComponent(params.code);
		// The honeypot: a field people do not see (a bot fills every field). Answered as if it worked,
		// and nothing is kept.
		if (typeof values.website === 'string' && values.website.trim()) redirect(303, `/areas/${code}/activities/${params.id}/coming?status=registered`);
		let status: string;
		try {
			({ status } = await joinActivity(ctxOf(event), { ...values, code: params.code, id: params.id }));
		} catch (e) {
			if (e instanceof NotFoundError) error(404, translate('pub_activity_not_found', locals.locale));
			return failFrom(e, values, locals.locale);
		}
		redirect(303, `/areas/${code}/activities/${params.id}/coming?status=${status}`);
	}
};
