import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { isLocale } from '#lib/paraglide/runtime.js';
import { setLocale } from '#lib/server/auth/index.ts';
import { ctxOf, problem } from '#lib/server/web/index.ts';

// Only a path on this site may be the way back (no open redirect).
const safePath = (p: unknown) => (typeof p === 'string' && p.startsWith('/') && !p.startsWith('//') && !p.includes('\\') ? p : '/');
// The switcher sends the page's own address, always percent-encoded ASCII. Anything else (a control
// character, a space, unencoded letters) cannot go into the Location header, where it threw a 500:
// the form was tampered with, and that is a 400.
const UNSENDABLE = /[^\x21-\x7e]/;

export const POST: RequestHandler = async (event) => {
	const form = await event.request.formData().catch(() => null);
	const locale = form?.get('locale');
	if (!isLocale(locale)) return problem('error_bad_request', event.locals.locale, { detailKey: 'error_choice' });
	const back = form?.get('redirectTo');
	if (typeof back === 'string' && UNSENDABLE.test(back)) return problem('error_bad_request', event.locals.locale, { detailKey: 'error_characters' });
	event.cookies.set('wijkweb_locale', locale, {
		path: '/',
		maxAge: 60 * 60 * 24 * 365,
		httpOnly: false,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:'
	});
	if (event.locals.actor.userId) await setLocale(ctxOf(event), locale);
	redirect(303, safePath(back));
};
