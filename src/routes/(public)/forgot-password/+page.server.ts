import type { Actions } from './$types';
import { forgotPasswordInput, requestPasswordReset } from '#lib/server/auth/index.ts';
import { parseForm, failForm } from '#lib/server/web/index.ts';
import { db, getAuth } from '#lib/server/web/index.ts';
import { translate } from '#lib/server/web/index.ts';

export const actions: Actions = {
	default: async (event) => {
		const l = event.locals.locale;
		const parsed = await parseForm(event.request, forgotPasswordInput, l);
		if (!parsed.ok) return parsed.failure;
		const outcome = await requestPasswordReset(db(), await getAuth(), {
			email: parsed.data.email,
			clientIp: event.getClientAddress(),
			locale: l,
			origin: event.url.origin
		});
		if (outcome === 'rate_limited') return failForm(429, parsed.data, translate('auth_rate_limited', l));
		// The same answer, at once, whether or not the address has an account.
		return { done: true };
	}
};
