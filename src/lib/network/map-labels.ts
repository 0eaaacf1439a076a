import { m } from '../paraglide/messages.js';
import { THEMES } from '../themes.ts';
import { themeLabel } from './labels.ts';
import type { MapEdgeType, MapNodeKind } from './types.ts';

// The network map's words, for the page, the picture and the interactive map alike.

export const TIE_TYPE_CODES = ['knows', 'family', 'neighbour', 'member_of', 'contact_person_at', 'works_with', 'referred_to'] as const;

const TYPE_LABELS: Record<MapEdgeType, () => string> = {
	knows: m.netmap_type_knows,
	family: m.netmap_type_family,
	neighbour: m.netmap_type_neighbour,
	member_of: m.netmap_type_member_of,
	contact_person_at: m.netmap_type_contact_person_at,
	works_with: m.netmap_type_works_with,
	referred_to: m.netmap_type_referred_to,
	household: m.netmap_type_household
};

export const KIND_LABELS: Record<MapNodeKind, () => string> = {
	person: m.netmap_kind_person,
	household: m.netmap_kind_household,
	partner: m.netmap_kind_partner
};

export const typeLabel = (t: MapEdgeType) => TYPE_LABELS[t]();
export const typeOptions = () => TIE_TYPE_CODES.map((value) => ({ value, label: TYPE_LABELS[value]() }));
// The themes' words are the ties' and partners' (labels.ts): one label per theme everywhere.
export const themeOptions = () => THEMES.map((value) => ({ value, label: themeLabel(value) }));

/** The shape of each kind, the same in the picture, the legend and the interactive map. */
export const KIND_SHAPES: Record<MapNodeKind, 'circle' | 'square' | 'diamond'> = { person: 'circle', household: 'square', partner: 'diamond' };
