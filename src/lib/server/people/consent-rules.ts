import type { CONSENT_METHODS, LAWFUL_BASES, PURPOSE_BASES, PURPOSE_CODES } from './schema.ts';

// The rules of consent per purpose, without I/O: what a person's answer is now, whether a purpose's
// data may be used, and what a withdrawal stops. consent.ts's SQL fragment (consentGiven) says the same
// as mayUse in one statement; consent-rules.test.ts and tests/integration/people-consent.test.ts hold them to it.

export type PurposeCode = (typeof PURPOSE_CODES)[number];
export type PurposeBasis = (typeof PURPOSE_BASES)[number];
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** The parts of a purpose these rules need; `lawfulBasis` null is the organisation's own. */
export type PurposeFacts = { lawfulBasis: PurposeBasis | null; active: boolean; version: number };

/** One row of a person's history for one purpose. */
export type ConsentEntry = { given: boolean; recordedAt: Date; version: number };

/** The lawful basis a purpose works under: its own, else its organisation's. */
export function basisOf(purpose: Pick<PurposeFacts, 'lawfulBasis'>, organisationBasis: (typeof LAWFUL_BASES)[number]): PurposeBasis {
	return purpose.lawfulBasis ?? organisationBasis;
}

/** Consent is asked only for a purpose whose basis is consent; any other basis is recorded, not asked. */
export function isAsked(purpose: Pick<PurposeFacts, 'lawfulBasis'>, organisationBasis: (typeof LAWFUL_BASES)[number]): boolean {
	return basisOf(purpose, organisationBasis) === 'consent';
}

/**
 * The latest row of a history (any order): the person's current answer. Rows recorded at the same
 * instant keep their given order, the later one winning, so a history read in insertion order is safe.
 */
export function latestEntry<E extends ConsentEntry>(history: readonly E[]): E | null {
	let latest: E | null = null;
	for (const e of history) if (!latest || e.recordedAt.getTime() >= latest.recordedAt.getTime()) latest = e;
	return latest;
}

export type ConsentState = 'not_asked' | 'given' | 'withdrawn' | 'none';

/** What the consents tab shows for a purpose: recorded under another basis, given, withdrawn, or never asked. */
export function consentState(
	purpose: Pick<PurposeFacts, 'lawfulBasis'>,
	organisationBasis: (typeof LAWFUL_BASES)[number],
	history: readonly ConsentEntry[]
): ConsentState {
	if (!isAsked(purpose, organisationBasis)) return 'not_asked';
	const latest = latestEntry(history);
	if (!latest) return 'none';
	return latest.given ? 'given' : 'withdrawn';
}

/**
 * The seam for issue 14 (referrals): a supervisor may let data be used without consent only with a
 * recorded reason, as humanitarian case-management systems do. Nothing builds one yet; when referrals
 * do, they pass the override they recorded (its audit row is theirs to write) and mayUse honours it.
 */
export type ConsentOverride = { reason: string; byUserId: string };

/**
 * Whether the data kept for a purpose may be used now: never for an inactive purpose; under a basis
 * other than consent, always; under consent, only while the latest answer is "given" (a withdrawal
 * stops it at once). Help never depends on this: it gates extras (contact, figures, photos, sharing).
 */
export function mayUse(
	purpose: Pick<PurposeFacts, 'lawfulBasis' | 'active'>,
	organisationBasis: (typeof LAWFUL_BASES)[number],
	history: readonly ConsentEntry[],
	override?: ConsentOverride
): boolean {
	if (!purpose.active) return false;
	if (!isAsked(purpose, organisationBasis)) return true;
	if (override && override.reason.trim() !== '') return true;
	return latestEntry(history)?.given === true;
}

/** The person agreed to an older text than the one asked with now: the tab says a newer text exists. */
export function newerTextExists(purpose: Pick<PurposeFacts, 'version'>, entry: Pick<ConsentEntry, 'version'> | null): boolean {
	return entry !== null && entry.version < purpose.version;
}

/** What a withdrawal stops, per purpose: the consents tab says it, and each is enforced where its data is read. */
export const WITHDRAWAL_STOPS = {
	// aid/: the person's phone and e-mail are no longer offered for contact (people.person.read says so).
	contact: ['contact'],
	// aid/reach.ts: the person's links no longer count in the intercultural figures.
	intercultural: ['intercultural_figures'],
	// people/origin.ts (engineer A's gate): the country of origin is no longer kept or counted.
	origin_statistics: ['origin'],
	photos: ['photos'],
	share_partner: ['sharing'],
	// activities/reach.ts: the person's situation flags (vulnerable, client of the social service) are no longer counted.
	social_situation: ['situation']
} as const satisfies Record<PurposeCode, readonly string[]>;

export type WithdrawalEffect = (typeof WITHDRAWAL_STOPS)[PurposeCode][number];

export function withdrawalStops(code: PurposeCode): readonly WithdrawalEffect[] {
	return WITHDRAWAL_STOPS[code];
}

/** The languages of a purpose's text: nl, fr and en are required (purposes-validation.ts); bg, tr and ar fall back to English. */
export const TEXT_LANGUAGES = ['nl', 'fr', 'en', 'bg', 'tr', 'ar'] as const;

/** The text as the person will hear it in `locale`: that language's, else English's. */
export function textIn(texts: Record<string, string>, locale: string): { text: string; language: string } {
	const own = texts[locale]?.trim();
	if (own) return { text: own, language: locale };
	return { text: texts.en ?? '', language: 'en' };
}
