import type { Actions, PageServerLoad } from './$types';
import { resetPasswordInput } from '#lib/server/auth/index.ts';
import { parseForm, failForm } from '#lib/server/web/index.ts';
import { callAuth } from '#lib/server/web/index.ts';
import { translate } from '#lib/server/web/index.ts';

export const load: PageServerLoad = ({ url }) => ({ token: (url.searchParams.get('token') ?? '').slice(0, 200) });

export const actions: Actions = {
	default: async (event) => {
		const l = event.locals.locale;
		const parsed = await parseForm(event.request, resetPasswordInput, l);
		if (!parsed.ok) return parsed.failure;
		const { status } = await callAuth(event, '/reset-password', { token: parsed.data.token, newPassword: parsed.data.password });
		if (status !== 200) return failForm(400, {}, translate('auth_reset_invalid', l));
		return { done: true };
	}
};
