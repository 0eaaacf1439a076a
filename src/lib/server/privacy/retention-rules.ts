import { belgianDateOf, daysBetween } from '../core/index.ts';

// What the daily retention job does with one person, decided without I/O (retention.ts loads the facts
// and carries the decision out). Days are Belgian calendar days from the day the person was last seen.
//
// The rules, as docs/architecture.md states them:
// - a purpose APPLIES to a person while it is active and either its basis is not consent (public task,
//   legal obligation…: recorded, not asked) or the person's latest consent for it is a yes;
// - data kept for a purpose EXPIRES when the person was not seen for longer than its retention;
// - the record is anonymised when the person was not seen for longer than the longest retention of the
//   purposes that apply to them; when none applies (never asked, or every consent withdrawn) the record
//   is still kept for the help itself (never conditional on consent), as long as the organisation's
//   longest retention; an organisation without any purpose gives no period, so nothing expires there;
// - a person with an account is not anonymised by the job: the account is a relation still going on,
//   and its owner asks for erasure themselves (rights/);
// - contact details (phone, e-mail) go when a purpose that kept them was withdrawn, switched off or
//   expired and no other purpose keeps them; withdrawal counts at once (WITHDRAWAL_GRACE_DAYS, the
//   GDPR default). Someone never asked keeps them with the record: they were given for the help;
// - country of origin and origin group go when no origin purpose applies and is unexpired: origin is
//   only ever kept for such a purpose.

/** Days a withdrawal waits before the data kept only for it goes: none (GDPR art. 7(3), 17(1)(b)). */
export const WITHDRAWAL_GRACE_DAYS = 0;

export type PurposeFacts = {
	id: string;
	code: string;
	/** The purpose's own basis, or the organisation's when the purpose has none. */
	basis: string;
	categories: readonly string[];
	retentionDays: number | null;
	active: boolean;
};

export type ConsentFacts = { purposeId: string; given: boolean; at: Date };

export type PersonFacts = {
	lastSeenAt: Date;
	hasAccount: boolean;
	hasContact: boolean;
	hasOrigin: boolean;
	/** The person's consent history (any order); rows after `now` are not yet known to the job. */
	consents: readonly ConsentFacts[];
};

export type Decision = { anonymise: boolean; removeContact: boolean; clearOrigin: boolean };

type Status = 'kept' | 'expired' | 'withdrawn' | 'ended' | 'not_asked';

const ORIGIN_CODES = ['origin_statistics', 'intercultural'];

const keeps = (p: PurposeFacts, category: 'contact' | 'origin') =>
	p.categories.includes(category) || (category === 'contact' ? p.code === 'contact' : ORIGIN_CODES.includes(p.code));

function latestConsent(consents: readonly ConsentFacts[], purposeId: string, now: Date): ConsentFacts | undefined {
	let latest: ConsentFacts | undefined;
	for (const c of consents) if (c.purposeId === purposeId && c.at <= now && (!latest || c.at > latest.at)) latest = c;
	return latest;
}

/** Whether the purpose covers the person at all, ignoring time: basis, or the latest answer a yes. */
function applies(p: PurposeFacts, person: PersonFacts, now: Date): boolean | 'withdrawn' {
	if (p.basis !== 'consent') return true;
	const latest = latestConsent(person.consents, p.id, now);
	if (!latest) return false;
	if (latest.given) return true;
	return daysBetween(belgianDateOf(latest.at), belgianDateOf(now)) >= WITHDRAWAL_GRACE_DAYS ? 'withdrawn' : true;
}

/** A purpose without a retention never expires here: the start-up check refuses to run with one. */
const expired = (p: PurposeFacts, unseenDays: number) => p.retentionDays !== null && unseenDays > p.retentionDays;

function status(p: PurposeFacts, person: PersonFacts, now: Date, unseenDays: number): Status {
	const a = applies(p, person, now);
	if (a === 'withdrawn') return 'withdrawn';
	if (!a) return 'not_asked';
	if (!p.active) return 'ended';
	return expired(p, unseenDays) ? 'expired' : 'kept';
}

const longest = (purposes: readonly PurposeFacts[]): number | null =>
	purposes.reduce<number | null>((max, p) => (p.retentionDays === null ? max : Math.max(max ?? 0, p.retentionDays)), null);

/** What the job does with one person of an organisation with these purposes, on the day of `now`. */
export function decide(person: PersonFacts, purposes: readonly PurposeFacts[], now: Date): Decision {
	const unseenDays = daysBetween(belgianDateOf(person.lastSeenAt), belgianDateOf(now));
	const active = purposes.filter((p) => p.active);
	const statuses = purposes.map((p) => ({ p, s: status(p, person, now, unseenDays) }));
	const applying = statuses.filter(({ p, s }) => p.active && (s === 'kept' || s === 'expired')).map(({ p }) => p);
	const keptFor = longest(applying.length ? applying : active);
	const anonymise = !person.hasAccount && keptFor !== null && unseenDays > keptFor;

	const contactPurposes = statuses.filter(({ p }) => keeps(p, 'contact'));
	const contactKept = contactPurposes.some(({ s }) => s === 'kept');
	const contactLapsed = contactPurposes.some(({ s }) => s === 'withdrawn' || s === 'ended' || s === 'expired');
	const removeContact = !anonymise && person.hasContact && !contactKept && contactLapsed;

	const originKept = statuses.some(({ p, s }) => keeps(p, 'origin') && s === 'kept');
	const clearOrigin = person.hasOrigin && !originKept;
	return { anonymise, removeContact, clearOrigin };
}
