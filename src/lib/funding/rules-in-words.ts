import { m } from '../paraglide/messages.js';
import { getLocale } from '../paraglide/runtime.js';
import { formatLocale, intl } from '../intl.ts';
import { categoryLabel } from './describe.ts';
import { formatCents } from './money.ts';
import { BELGIAN_ZONE } from '../zone.ts';
import type { ApplicantKind, CallRules, CallStatus } from './types.ts';

// A call's rules as plain sentences in the page's language, for the public call page and the officer's
// overview: who may apply, how much, which shares, how long. Counts of years go through Intl's unit
// formatting so each language gets its own plural ("4 jaar", "4 години", "4 سنوات") without a message
// per plural form. No I/O: the same sentences could be said in the browser.

const lang = () => formatLocale(getLocale()) ?? 'nl';
const euro = (cents: number) => formatCents(cents, lang());
/** A share in basis points as the call states it: "20 %", "12,5 %". */
export const shareText = (bp: number) => intl('NumberFormat', lang(), { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10_000);
export const yearsText = (n: number) => intl('NumberFormat', lang(), { style: 'unit', unit: 'year', unitDisplay: 'long' }).format(n);

const KIND: Record<ApplicantKind, () => string> = {
	neighbourhood_group: m.fund_call_kind_neighbourhood_group,
	association: m.fund_call_kind_association,
	city: m.fund_call_kind_city
};
export const applicantKindLabel = (k: ApplicantKind) => KIND[k]();

const list = (items: string[], type: 'conjunction' | 'disjunction') => intl('ListFormat', lang(), { type, style: 'long' }).format(items);

export function rulesInWords(rules: CallRules): string[] {
	const out: string[] = [];
	if (rules.applicantKinds.length) out.push(m.fund_call_words_who({ kinds: list(rules.applicantKinds.map(applicantKindLabel), 'disjunction') }));
	out.push(rules.onePerApplicant ? m.fund_call_words_one_per_applicant() : m.fund_call_words_several());
	out.push(rules.maxGrantCents === null ? m.fund_call_words_no_max() : m.fund_call_words_max({ amount: euro(rules.maxGrantCents) }));
	if (rules.startFundMaxCents !== null) out.push(m.fund_call_words_start_fund({ amount: euro(rules.startFundMaxCents) }));
	if (rules.minCofinancingBp) out.push(m.fund_call_words_cofinancing({ share: shareText(rules.minCofinancingBp) }));
	if (rules.maxSmallInfrastructureBp !== null) out.push(m.fund_call_words_small_infrastructure({ share: shareText(rules.maxSmallInfrastructureBp) }));
	if (rules.categories.length) out.push(m.fund_call_words_categories({ categories: list(rules.categories.map(categoryLabel), 'conjunction') }));
	out.push(m.fund_call_words_duration({ years: yearsText(rules.durationYears) }));
	if (rules.decreasingLastYears > 0) out.push(m.fund_call_words_decreasing({ years: yearsText(rules.decreasingLastYears) }));
	if (rules.minIndicators > 0) out.push(m.fund_call_words_indicators({ count: String(rules.minIndicators) }));
	return out;
}

// — what the call pages say around the rules: its status, its instants, its deadline.

const STATUS: Record<CallStatus, () => string> = {
	draft: m.fund_call_status_draft,
	published: m.fund_call_status_published,
	closed: m.fund_call_status_closed
};
export const callStatusLabel = (s: CallStatus) => STATUS[s]();
export const callStatusTone = (s: CallStatus) => (s === 'published' ? 'success' : s === 'closed' ? 'warning' : 'neutral');

/** An instant on the Belgian clock in the page's language: "3 december 2026 om 12:00". */
export const instantText = (at: Date | string) =>
	intl('DateTimeFormat', lang(), { dateStyle: 'long', timeStyle: 'short', timeZone: BELGIAN_ZONE }).format(new Date(at));
/** A calendar day ('YYYY-MM-DD') in the page's language. */
export const dayText = (day: string) => intl('DateTimeFormat', lang(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** The deadline as the server counted it (funding/public.ts `deadline`), in words. */
export type DeadlineWords =
	{ kind: 'not_open'; opensAt: Date | string } | { kind: 'days'; days: number } | { kind: 'today'; minute: number } | { kind: 'closed' };
export function deadlineText(d: DeadlineWords): string {
	if (d.kind === 'closed') return m.fund_call_deadline_closed();
	if (d.kind === 'not_open') return m.fund_call_deadline_not_open({ when: instantText(d.opensAt) });
	if (d.kind === 'today') {
		const time = `${String(Math.floor(d.minute / 60)).padStart(2, '0')}:${String(d.minute % 60).padStart(2, '0')}`;
		return m.fund_call_deadline_today({ time });
	}
	return m.fund_call_deadline_days({ when: intl('RelativeTimeFormat', lang(), { numeric: 'auto' }).format(d.days, 'day') });
}
