import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { intl } from '#lib/intl.ts';

// The words of questions and referrals on the pages: statuses, the steps' buttons, reasons, dates.

const QUESTION_STATUS: Record<string, () => string> = {
	open: m.fw_question_status_open,
	in_progress: m.fw_question_status_in_progress,
	answered: m.fw_question_status_answered,
	referred: m.fw_question_status_referred,
	dropped: m.fw_question_status_dropped
};
const QUESTION_STEP: Record<string, () => string> = {
	in_progress: m.fw_question_to_in_progress,
	answered: m.fw_question_to_answered,
	dropped: m.fw_question_to_dropped
};
const REFERRAL_STATUS: Record<string, () => string> = {
	referred: m.fw_referral_status_referred,
	accepted: m.fw_referral_status_accepted,
	arrived: m.fw_referral_status_arrived,
	helped: m.fw_referral_status_helped,
	not_helped: m.fw_referral_status_not_helped,
	rejected: m.fw_referral_status_rejected,
	revoked: m.fw_referral_status_revoked
};
const REFERRAL_STEP: Record<string, () => string> = {
	accepted: m.fw_referral_to_accepted,
	arrived: m.fw_referral_to_arrived,
	helped: m.fw_referral_to_helped,
	not_helped: m.fw_referral_to_not_helped,
	rejected: m.fw_referral_to_rejected,
	revoked: m.fw_referral_to_revoked
};
const REASON: Record<string, () => string> = {
	did_not_go: m.fw_referral_reason_did_not_go,
	waiting_list: m.fw_referral_reason_waiting_list,
	not_eligible: m.fw_referral_reason_not_eligible,
	unreachable: m.fw_referral_reason_unreachable,
	other: m.fw_referral_reason_other
};
const CONSENT: Record<string, () => string> = {
	given: m.fw_referral_consent_given,
	withdrawn: m.fw_referral_consent_withdrawn,
	none: m.fw_referral_consent_none,
	not_asked: m.fw_referral_consent_not_asked,
	no_purpose: m.fw_referral_consent_no_purpose
};
const SHARED: Record<string, () => string> = {
	firstName: m.fw_referral_field_firstName,
	question: m.fw_referral_field_question,
	phone: m.fw_referral_field_phone,
	email: m.fw_referral_field_email
};

export const questionStatusLabel = (s: string) => QUESTION_STATUS[s]?.() ?? s;
export const questionStepLabel = (s: string) => QUESTION_STEP[s]?.() ?? questionStatusLabel(s);
export const referralStatusLabel = (s: string) => REFERRAL_STATUS[s]?.() ?? s;
export const referralStepLabel = (s: string) => REFERRAL_STEP[s]?.() ?? referralStatusLabel(s);
export const referralReasonLabel = (r: string) => REASON[r]?.() ?? r;
export const consentLabel = (c: string) => CONSENT[c]?.() ?? c;
export const sharedLabel = (k: string) => SHARED[k]?.() ?? k;

// The database keeps a JSON object's keys in its own order: shown in the order a person reads them.
const SHARED_ORDER = ['firstName', 'question', 'phone', 'email'];
/** What was (or will be) shared with the partner, as rows for a SummaryList. */
export const sharedRows = (shared: Record<string, string>) =>
	Object.entries(shared)
		.sort(([a], [b]) => (SHARED_ORDER.indexOf(a) + 1 || 99) - (SHARED_ORDER.indexOf(b) + 1 || 99))
		.map(([k, v]) => ({ key: sharedLabel(k), value: v }));

/** A day (YYYY-MM-DD) as the reader's language writes it. */
export const dayLabel = (day: string) =>
	intl('DateTimeFormat', getLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
/** A moment, in Brussels time. */
export const momentLabel = (at: Date | string) =>
	intl('DateTimeFormat', getLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(new Date(at));
