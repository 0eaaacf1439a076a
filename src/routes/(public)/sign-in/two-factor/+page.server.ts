import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { recoveryCodeInput, totpCodeInput } from '#lib/server/auth/index.ts';
import { authErrorCode, callAuth, failForm, parseForm, translate } from '#lib/server/web/index.ts';

// The second step of signing in, for an account with a second factor: the password was right, and
// better-auth holds the sign-in in a short-lived cookie (`wijkweb.two_factor`, 10 minutes) until a code
// from the app — or one of the recovery codes — completes it. Wrong codes count against better-auth's
// limits: 5 per sign-in, 10 in a row per account (then 15 minutes locked), and the rate limit.

const pending = (event: Pick<RequestEvent, 'cookies'>) => event.cookies.getAll().some((c) => /(^|\.)two_factor$/.test(c.name));

export const load: PageServerLoad = (event) => {
	if (event.locals.actor.userId) redirect(303, '/');
	if (!pending(event)) redirect(303, '/sign-in');
	return { recovery: event.url.searchParams.get('method') === 'recovery' };
};

async function verify(event: RequestEvent, kind: 'totp' | 'recovery') {
	const l = event.locals.locale;
	const parsed = await parseForm(event.request, kind === 'totp' ? totpCodeInput : recoveryCodeInput, l);
	if (!parsed.ok) return parsed.failure;
	const path = kind === 'totp' ? '/two-factor/verify-totp' : '/two-factor/verify-backup-code';
	const { status, data } = await callAuth(event, path, { code: parsed.data.code });
	if (status === 200) redirect(303, '/');
	const code = authErrorCode(data);
	if (status === 429) return failForm(429, {}, translate(code === 'ACCOUNT_TEMPORARILY_LOCKED' ? 'auth_two_factor_locked' : 'auth_rate_limited', l));
	if (code === 'INVALID_CODE' || code === 'INVALID_BACKUP_CODE') {
		const key = kind === 'totp' ? 'auth_two_factor_wrong_code' : 'auth_two_factor_wrong_recovery';
		return fail(400, { values: {}, errors: { code: translate(key, l) }, message: translate('error_invalid', l) });
	}
	// The sign-in expired, or took too many wrong codes: better-auth ended it; the password comes first again.
	return fail(400, { values: {}, errors: {}, message: translate('auth_two_factor_sign_in_again', l), again: true });
}

export const actions: Actions = {
	totp: (event) => verify(event, 'totp'),
	recovery: (event) => verify(event, 'recovery')
};
