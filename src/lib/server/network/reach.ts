import type { Actor } from '../core/index.ts';
import { NotFoundError } from '../core/index.ts';
import { covers, grantsHolding, type Place, type PermissionName } from '../access/index.ts';

// Partners are the organisation's address book: every one of its staff reads them, wherever their
// neighbourhood. So a partner is checked against the organisation only (an area-bound grant of that
// organisation covers it), never against an area: `covers` would hide it from area-bound staff.

/** Whether a grant of the actor holding `permission` is in the partner's organisation (or is an admin's). */
export function reachesOrganisation(actor: Actor, permission: PermissionName, organisationId: string): boolean {
	return grantsHolding(actor, permission).some((g) => g.role === 'admin' || g.organisationId === organisationId);
}

/** The organisations the actor reaches with `permission` (null: all, an admin). */
export function reachedOrganisations(actor: Actor, permission: PermissionName): string[] | null {
	const grants = grantsHolding(actor, permission);
	if (grants.some((g) => g.role === 'admin')) return null;
	return [...new Set(grants.map((g) => g.organisationId))];
}

/** The record when a grant covers its place, else the 404 of an unknown one. */
export function placeCovered<R extends Place>(actor: Actor, permission: PermissionName, record: R | undefined | null): R {
	if (!record || !grantsHolding(actor, permission).some((g) => covers(g, record))) throw new NotFoundError();
	return record;
}

/** Whether the actor may read the person at this place (a contact person, the other end of a tie). */
export const mayRead = (actor: Actor, place: Place): boolean => grantsHolding(actor, 'people.person.read').some((g) => covers(g, place));
