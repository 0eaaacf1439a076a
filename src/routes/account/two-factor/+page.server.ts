import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { mayTurnOffSecondFactor, needsSecondFactor } from '#lib/server/access/index.ts';
import { totpConfirmInput, totpPicture, twoFactorPasswordInput } from '#lib/server/auth/index.ts';
import { authErrorCode, callAuth, failForm, forForm, parseForm, recoveryCodesOf, translate } from '#lib/server/web/index.ts';

// Enrolment in three plain form posts: the password → the QR code and the secret → a code from the
// app, which turns the second factor on → the recovery codes, shown once. better-auth does the work
// (auth/auth.ts); this page only carries its answers to the person.

export const load: PageServerLoad = ({ locals, url }) => {
	const actor = locals.actor;
	if (!actor.userId) redirect(303, '/sign-in');
	return {
		enabled: actor.secondFactor === true,
		// Staff whose roles are gated see why they are here; everyone else reads it as a choice.
		needed: needsSecondFactor({ ...actor, secondFactor: false }),
		mayTurnOff: mayTurnOffSecondFactor(actor),
		saved: url.searchParams.has('saved')
	};
};

const signedIn = (event: RequestEvent) => {
	if (!event.locals.actor.userId) redirect(303, '/sign-in');
};

/** The answers every step shares: too many tries, or a password that is not the account's. */
function refused(status: number, code: string | null, form: string, locale: string) {
	if (status === 429) return fail(429, { form, values: {}, errors: {}, message: translate('auth_rate_limited', locale) });
	if (code === 'INVALID_PASSWORD')
		return fail(400, {
			form,
			values: {},
			errors: { password: translate('account_password_wrong', locale) },
			message: translate('error_invalid', locale)
		});
	return fail(400, { form, values: {}, errors: {}, message: translate('auth_two_factor_failed', locale) });
}

export const actions: Actions = {
	start: async (event) => {
		signedIn(event);
		const l = event.locals.locale;
		const parsed = await parseForm(event.request, twoFactorPasswordInput, l);
		if (!parsed.ok) return parsed.failure;
		const { status, data } = await callAuth(event, '/two-factor/enable', { password: parsed.data.password, issuer: 'Wijkweb' });
		const picture = status === 200 && typeof data?.totpURI === 'string' ? await totpPicture(data.totpURI) : null;
		if (!picture) return refused(status, authErrorCode(data), 'start', l);
		return { scan: picture };
	},
	confirm: async (event) => {
		signedIn(event);
		const l = event.locals.locale;
		// The QR code is drawn again from the address the page posted back: the server tells the secret
		// only in answer to the password, never to a request that merely holds the session.
		const posted = event.request.clone();
		const parsed = await parseForm(event.request, totpConfirmInput, l);
		const again = async (status: number, errors: Record<string, string>, message: string) => {
			const uri = String((await posted.formData().catch(() => null))?.get('uri') ?? '');
			const picture = await totpPicture(uri);
			if (!picture) return failForm(400, {}, translate('auth_two_factor_start_again', l));
			return fail(status, { scan: picture, values: {}, errors, message });
		};
		if (!parsed.ok) return again(400, parsed.failure.data.errors, translate('error_invalid', l));
		const { status, data } = await callAuth(event, '/two-factor/verify-totp', { code: parsed.data.code });
		if (status === 429) return again(429, {}, translate('auth_rate_limited', l));
		if (status !== 200) {
			if (authErrorCode(data) === 'INVALID_CODE')
				return again(400, { code: translate('auth_two_factor_wrong_code', l) }, translate('error_invalid', l));
			return failForm(400, {}, translate('auth_two_factor_start_again', l));
		}
		return { codes: await recoveryCodesOf(event.locals.actor.userId!) };
	},
	codes: async (event) => {
		signedIn(event);
		const l = event.locals.locale;
		const parsed = await parseForm(event.request, twoFactorPasswordInput, l);
		if (!parsed.ok) return forForm('codes', parsed.failure);
		const { status, data } = await callAuth(event, '/two-factor/generate-backup-codes', { password: parsed.data.password });
		if (status !== 200 || !Array.isArray(data?.backupCodes)) return refused(status, authErrorCode(data), 'codes', l);
		return { codes: data.backupCodes.map(String) };
	},
	disable: async (event) => {
		signedIn(event);
		const l = event.locals.locale;
		// Whose roles need it keeps it: the page does not offer this, and a forged post changes nothing.
		if (!mayTurnOffSecondFactor(event.locals.actor)) return failForm(403, {}, translate('auth_two_factor_keep', l));
		const parsed = await parseForm(event.request, twoFactorPasswordInput, l);
		if (!parsed.ok) return forForm('disable', parsed.failure);
		const { status, data } = await callAuth(event, '/two-factor/disable', { password: parsed.data.password });
		if (status !== 200) return refused(status, authErrorCode(data), 'disable', l);
		return { disabled: true };
	}
};
