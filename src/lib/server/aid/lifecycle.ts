import type { LinkStatus } from './schema.ts';

// Pure: the life of a link. proposed → accepted → took_place → closed; declined only while proposed;
// cancelled (with a reason) from any state before closed.

const MOVES: Record<LinkStatus, readonly LinkStatus[]> = {
	proposed: ['accepted', 'declined', 'cancelled'],
	accepted: ['took_place', 'cancelled'],
	took_place: ['closed', 'cancelled'],
	closed: [],
	declined: [],
	cancelled: []
};

export const canMove = (from: LinkStatus, to: LinkStatus) => MOVES[from].includes(to);

export type Side = 'need' | 'offer';

/** Which side of a link a person is on, if any. */
export function sideOf(personId: string | null, needPersonId: string, offerPersonId: string): Side | null {
	if (!personId) return null;
	if (personId === needPersonId) return 'need';
	if (personId === offerPersonId) return 'offer';
	return null;
}
