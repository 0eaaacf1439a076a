// Pure: the mails of the review, in the application's language (the applicant's, kept on the row).
import { m } from '#lib/paraglide/messages.js';
import { baseLocale, isLocale, type Locale } from '#lib/paraglide/runtime.js';
import { formatCents } from '../../funding/money.ts';
import type { MailMessage } from '../mail/index.ts';

const localeOf = (l: string | null): Locale => (l && isLocale(l) ? l : baseLocale);

type Addressed = { to: string; locale: string | null; title: string; call: string; link: string };

/** The decision: granted with the amount, or rejected with the reason; both link to the application's page. */
export function decisionMail(input: Addressed & { granted: boolean; grantedCents: number | null; reason: string }): MailMessage {
	const locale = localeOf(input.locale);
	const words = { title: input.title, call: input.call, link: input.link, reason: input.reason };
	const subject = m.fund_decision_mail_subject(words, { locale });
	const text = input.granted
		? m.fund_decision_mail_granted({ ...words, amount: formatCents(input.grantedCents ?? 0, locale) }, { locale })
		: m.fund_decision_mail_rejected(words, { locale });
	return { to: input.to, subject, text };
}

/** The officer's question: the application is open to the applicant again until they answer. */
export function questionMail(input: Addressed & { question: string }): MailMessage {
	const locale = localeOf(input.locale);
	const words = { title: input.title, call: input.call, link: input.link, question: input.question };
	return { to: input.to, subject: m.fund_review_mail_question_subject(words, { locale }), text: m.fund_review_mail_question_text(words, { locale }) };
}
