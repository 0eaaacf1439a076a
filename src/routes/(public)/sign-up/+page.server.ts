import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signUpInput } from '#lib/server/auth/index.ts';
import { parseForm, failForm } from '#lib/server/web/index.ts';
import { callAuth } from '#lib/server/web/index.ts';
import { translate } from '#lib/server/web/index.ts';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.actor.userId) redirect(303, '/');
};

export const actions: Actions = {
	default: async (event) => {
		const l = event.locals.locale;
		const parsed = await parseForm(event.request, signUpInput, l);
		if (!parsed.ok) return parsed.failure;
		const { status } = await callAuth(event, '/sign-up/email', parsed.data);
		const values = { name: parsed.data.name, email: parsed.data.email };
		if (status === 429) return failForm(429, values, translate('auth_rate_limited', l));
		if (status !== 200) return failForm(400, values, translate('auth_sign_up_failed', l));
		// Same answer for a new and a known address; the mail tells them apart.
		return { done: true, email: parsed.data.email };
	}
};
