import type { NODE_KINDS } from './schema.ts';
import type { RelationshipType } from './labels.ts';

// Which kinds of node each type of tie may join, from → to. Pure. What makes no sense is refused
// (a household "is contact person at" nobody; a partner is nobody's family), so the map stays readable.

export type NodeKind = (typeof NODE_KINDS)[number];

const PEOPLE: readonly NodeKind[] = ['person'];
const HOMES: readonly NodeKind[] = ['person', 'household'];

export const TIE_KINDS: Record<RelationshipType, { from: readonly NodeKind[]; to: readonly NodeKind[] }> = {
	knows: { from: PEOPLE, to: PEOPLE },
	family: { from: PEOPLE, to: PEOPLE },
	neighbour: { from: HOMES, to: HOMES },
	works_with: { from: ['person', 'partner'], to: ['person', 'partner'] },
	member_of: { from: HOMES, to: ['household', 'partner'] },
	contact_person_at: { from: PEOPLE, to: ['partner'] },
	referred_to: { from: HOMES, to: ['partner'] }
};

/** Whether a tie of `type` may go from a node of `from` to a node of `to`. */
export const kindsFit = (type: RelationshipType, from: NodeKind, to: NodeKind): boolean =>
	TIE_KINDS[type].from.includes(from) && TIE_KINDS[type].to.includes(to);

/** The types a node of `kind` may start (the ties tab of a person offers only these). */
export const typesFrom = (kind: NodeKind): RelationshipType[] =>
	(Object.keys(TIE_KINDS) as RelationshipType[]).filter((t) => TIE_KINDS[t].from.includes(kind));

/** "person:<uuid>": the key the table generates for each end (from_key / to_key). */
export const nodeKey = (kind: NodeKind, id: string) => `${kind}:${id}`;
