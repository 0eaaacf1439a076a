import { m } from '#lib/paraglide/messages.js';
import { baseLocale, isLocale, type Locale } from '#lib/paraglide/runtime.js';
import type { RELATIONSHIP_TYPES } from './schema.ts';

// A tie is stored once (from → to) and read from either end: "Sara is contact person at OCMW" from
// Sara's record, "OCMW has as contact person Sara" from the partner's. Symmetric types read the same
// both ways. Pure: the message functions only pick a text.

export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];
/** The end of the tie the reader stands on: the `from` node or the `to` node. */
export type Side = 'from' | 'to';

type Msg = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

export const SYMMETRIC: ReadonlySet<RelationshipType> = new Set(['knows', 'family', 'neighbour', 'works_with']);

const LABELS: Record<RelationshipType, { from: Msg; to: Msg }> = {
	knows: { from: m.network_tie_knows, to: m.network_tie_knows },
	family: { from: m.network_tie_family, to: m.network_tie_family },
	neighbour: { from: m.network_tie_neighbour, to: m.network_tie_neighbour },
	works_with: { from: m.network_tie_works_with, to: m.network_tie_works_with },
	member_of: { from: m.network_tie_member_of, to: m.network_tie_member_of_to },
	contact_person_at: { from: m.network_tie_contact_person_at, to: m.network_tie_contact_person_at_to },
	referred_to: { from: m.network_tie_referred_to, to: m.network_tie_referred_to_to }
};

/** How the tie reads from `side` ("is contact person at" from the person, "has as contact person" from the partner). */
export function tieLabel(type: RelationshipType, side: Side, locale: string): string {
	return LABELS[type][side]({}, { locale: isLocale(locale) ? locale : baseLocale });
}

/** The side a node is on, by its key ("person:<uuid>"). */
export const sideOf = (tie: { fromKey: string }, nodeKey: string): Side => (tie.fromKey === nodeKey ? 'from' : 'to');
