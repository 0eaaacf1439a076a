import type { Actions, PageServerLoad } from './$types';
import { confirmAccountLink, declineAccountLink, viewAccountLink } from '#lib/server/people/index.ts';
import { AppError } from '#lib/server/core/index.ts';
import { ctxOf } from '#lib/server/web/index.ts';
import { failForm } from '#lib/server/web/index.ts';
import { translate } from '#lib/server/web/index.ts';

// Tokens are 32 random bytes in base64url; anything else is refused before the database.
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

type View = Awaited<ReturnType<typeof viewAccountLink>>;

// The page explains itself in every case (signed out, wrong account, used or expired link) instead of
// a bare error page: the person reading it followed a mail and needs to know what to do next.
export const load: PageServerLoad = async (event) => {
	if (!event.locals.actor.userId) return { state: 'sign_in' as const };
	if (!TOKEN.test(event.params.token)) return { state: 'refused' as const, message: translate('people_link_error_invalid', event.locals.locale) };
	try {
		const view: View = await viewAccountLink(ctxOf(event), event.params.token);
		return { state: 'ready' as const, view: { ...view, expiresAt: view.expiresAt.toISOString() } };
	} catch (e) {
		if (e instanceof AppError) return { state: 'refused' as const, message: translate(e.key, event.locals.locale) };
		throw e;
	}
};

async function answer(event: Parameters<Actions[string]>[0], verb: typeof confirmAccountLink | typeof declineAccountLink, done: string) {
	const l = event.locals.locale;
	if (!TOKEN.test(event.params.token!)) return failForm(410, {}, translate('people_link_error_invalid', l));
	try {
		await verb(ctxOf(event), event.params.token!);
		return { done };
	} catch (e) {
		if (e instanceof AppError) return failForm(e.status, {}, translate(e.key, l));
		throw e;
	}
}

export const actions: Actions = {
	confirm: (event) => answer(event, confirmAccountLink, 'confirmed'),
	decline: (event) => answer(event, declineAccountLink, 'declined')
};
