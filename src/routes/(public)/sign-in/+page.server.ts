import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isDemo, signInInput } from '#lib/server/auth/index.ts';
import { parseForm, failForm, nextPath } from '#lib/server/web/index.ts';
import { callAuth } from '#lib/server/web/index.ts';
import { translate } from '#lib/server/web/index.ts';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.actor.userId) redirect(303, nextPath(url));
	return { demo: isDemo() };
};

export const actions: Actions = {
	default: async (event) => {
		const l = event.locals.locale;
		const parsed = await parseForm(event.request, signInInput, l);
		if (!parsed.ok) return parsed.failure;
		const { status, data } = await callAuth(event, '/sign-in/email', { ...parsed.data, rememberMe: true });
		const values = { email: parsed.data.email };
		if (status === 429) return failForm(429, values, translate('auth_rate_limited', l));
		// One message for unknown address, wrong password and unconfirmed address: nothing is revealed.
		if (status !== 200) return failForm(400, values, translate('auth_sign_in_failed', l));
		// The password was right and the account has a second factor: better-auth waits for the code.
		if (data?.twoFactorRedirect === true) redirect(303, '/sign-in/two-factor');
		redirect(303, nextPath(event.url));
	}
};
