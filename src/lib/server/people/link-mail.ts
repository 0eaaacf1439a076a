// Pure: the two mails a link request sends, in the recipient's language. Both name only the
// organisation that asked: whoever owns the address learns nothing about the person registered there.
import { m } from '#lib/paraglide/messages.js';
import { baseLocale, isLocale, type Locale } from '#lib/paraglide/runtime.js';
import type { MailMessage } from '../mail/index.ts';

export type LinkMailInput = {
	to: string;
	/** The account's language, else one the registered person speaks; null: the base language. */
	locale: string | null;
	organisation: string;
	/** Absolute address: the confirmation page (an account) or the sign-up page (no account). */
	link: string;
};

const localeOf = (l: string | null): Locale => (l && isLocale(l) ? l : baseLocale);

/** To the owner of an account: confirm, signed in, within the link's lifetime. */
export function linkConfirmMail(input: LinkMailInput & { days: number }): MailMessage {
	const locale = localeOf(input.locale);
	const words = { organisation: input.organisation, link: input.link, days: String(input.days) };
	return { to: input.to, subject: m.people_link_mail_subject(words, { locale }), text: m.people_link_mail_text(words, { locale }) };
}

/** To an address without an account: the same request, and how to make an account. */
export function linkNoAccountMail(input: LinkMailInput): MailMessage {
	const locale = localeOf(input.locale);
	const words = { organisation: input.organisation, link: input.link };
	return { to: input.to, subject: m.people_link_mail_subject(words, { locale }), text: m.people_link_mail_none_text(words, { locale }) };
}
