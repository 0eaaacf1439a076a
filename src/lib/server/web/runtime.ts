import { appDatabase } from '../db/index.ts';
import { authSecret } from '../core/index.ts';
import { createAuth, type Auth } from '../auth/index.ts';
import { queueMail, smtpTransport } from '../mail/index.ts';
import { m } from '#lib/paraglide/messages.js';
import { baseLocale, isLocale, type Locale } from '#lib/paraglide/runtime.js';

// The server's long-lived pieces, made once on first use (never at build time).
let auth: Promise<Auth> | undefined;

const loc = (l: string | null): Locale => (l && isLocale(l) ? l : baseLocale);

export function db() {
	return appDatabase().db;
}

export function getAuth(): Promise<Auth> {
	auth ??= (async () => {
		const database = db();
		const transport = smtpTransport();
		const send = (to: string, subject: string, text: string) => queueMail(database, { to, subject, text }, transport).then(() => {});
		return createAuth({
			db: database,
			secret: await authSecret(database),
			secureCookies: (process.env.ORIGIN ?? '').startsWith('https://'),
			mailer: {
				resetPassword: (to, link, l) => send(to, m.mail_reset_subject({}, { locale: loc(l) }), m.mail_reset_text({ link }, { locale: loc(l) })),
				verifyEmail: (to, link, l) => send(to, m.mail_verify_subject({}, { locale: loc(l) }), m.mail_verify_text({ link }, { locale: loc(l) })),
				alreadyRegistered: (to, origin, l) =>
					send(to, m.mail_exists_subject({}, { locale: loc(l) }), m.mail_exists_text({ link: `${origin}/forgot-password` }, { locale: loc(l) }))
			}
		});
	})();
	return auth;
}
