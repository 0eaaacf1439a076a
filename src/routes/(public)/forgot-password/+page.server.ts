import type { Actions } from './$types';
import { forgotPasswordInput } from '#lib/server/auth/index.ts';
import { parseForm, failForm } from '#lib/server/web/forms.ts';
import { callAuth } from '#lib/server/web/auth-bridge.ts';
import { translate } from '#lib/server/web/translate.ts';

export const actions: Actions = {
	default: async (event) => {
		const l = event.locals.locale;
		const parsed = await parseForm(event.request, forgotPasswordInput, l);
		if (!parsed.ok) return parsed.failure;
		const { status } = await callAuth(event, '/request-password-reset', { email: parsed.data.email, redirectTo: '/reset-password' });
		if (status === 429) return failForm(429, parsed.data, translate('auth_rate_limited', l));
		// The same answer whether or not the address has an account.
		return { done: true };
	}
};
