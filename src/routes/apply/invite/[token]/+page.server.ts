import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { acceptEditorInvite } from '#lib/server/funding/index.ts';
import { ctxOf, failForm, failFrom, translate } from '#lib/server/web/index.ts';

// The link in an invitation mail. Signed out: sign in first, then come back here. Signed in: one button
// accepts (a GET never spends the link: mail scanners open links too), then the application opens.

// Tokens are 32 random bytes in base64url; anything else is refused before the database.
const TOKEN = /^[A-Za-z0-9_-]{43}$/u;

export const load: PageServerLoad = ({ locals, params }) => {
	const back = `/apply/invite/${params.token}`;
	if (!locals.actor.userId) return { state: 'sign_in' as const, signIn: `/sign-in?next=${encodeURIComponent(back)}` };
	if (!TOKEN.test(params.token)) return { state: 'refused' as const, message: translate('fund_editor_error_link', locals.locale) };
	return { state: 'ready' as const };
};

export const actions: Actions = {
	accept: async (event) => {
		const locale = event.locals.locale;
		if (!TOKEN.test(event.params.token!)) return failForm(422, {}, translate('fund_editor_error_link', locale));
		let applicationId: string;
		try {
			({ applicationId } = await acceptEditorInvite(ctxOf(event), { token: event.params.token! }));
		} catch (e) {
			const failure = failFrom(e, {}, locale);
			// The reason is the link's, not a field the person can correct: said as the form's message.
			const reason = Object.values(failure.data.errors)[0];
			return reason ? failForm(failure.status, {}, reason) : failure;
		}
		redirect(303, `/apply/${applicationId}`);
	}
};
