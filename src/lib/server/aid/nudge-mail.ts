// Pure: the reminder mail a nudge sends to one side of a link, in that person's own language (their
// account's, not the facilitator's page language). It names the other side only by first name,
// neighbourhood and the kind of help: contact details are shared on the help page, once both said yes.
import { m } from '#lib/paraglide/messages.js';
import { baseLocale, isLocale, type Locale } from '#lib/paraglide/runtime.js';
import type { MailMessage } from '../mail/index.ts';

/** `answer_*`: the link waits for this side's yes or no; `happened`: both said yes, did the help take place? */
export type NudgeMailKind = 'answer_need' | 'answer_offer' | 'happened';

export type NudgeMailInput = {
	kind: NudgeMailKind;
	to: string;
	locale: string | null;
	/** The recipient's first name. */
	name: string;
	other: { firstName: string; areaName: string };
	category: string;
	/** Absolute address of the help page. */
	link: string;
};

type Msg = (inputs: Record<string, string>, options: { locale: Locale }) => string;
const table = m as unknown as Record<string, Msg | undefined>;

export const mailLocale = (l: string | null): Locale => (l && isLocale(l) ? l : baseLocale);

export function nudgeMail(input: NudgeMailInput): MailMessage {
	const locale = mailLocale(input.locale);
	const category = table[`aid_cat_${input.category}`]?.({}, { locale }) ?? input.category;
	const words = { name: input.name, other: input.other.firstName, area: input.other.areaName, category, link: input.link };
	if (input.kind === 'happened') {
		return { to: input.to, subject: m.nudge_mail_happened_subject({}, { locale }), text: m.nudge_mail_happened_text(words, { locale }) };
	}
	const text = input.kind === 'answer_need' ? m.nudge_mail_answer_need_text(words, { locale }) : m.nudge_mail_answer_offer_text(words, { locale });
	return { to: input.to, subject: m.nudge_mail_answer_subject({}, { locale }), text };
}
