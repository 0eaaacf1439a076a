import type { Actor } from '../core/index.ts';
import { ForbiddenError, UnauthenticatedError } from '../core/index.ts';
import { PERMISSIONS, type PermissionName, type ScopedPermission, type UnscopedPermission } from './permissions.ts';
import { covers, grantsHolding, mayUse, type Place } from './scope.ts';

/**
 * Whether the actor holds `permission` somewhere — the role check a verb makes before it knows the
 * record. It decides nothing about a record: lists narrow with `scopeFilter`, single records with `can`.
 */
export function holds(actor: Actor, permission: PermissionName): boolean {
	if (!mayUse(actor, permission)) return false;
	const rule = PERMISSIONS[permission];
	if ('signedIn' in rule && rule.signedIn) return true;
	return grantsHolding(actor, permission).length > 0;
}

/** Pure: may this actor do `permission` — on this record, when the permission is scoped to places? */
export function can(actor: Actor, permission: UnscopedPermission): boolean;
export function can(actor: Actor, permission: ScopedPermission, record: Place): boolean;
export function can(actor: Actor, permission: PermissionName, record?: Place): boolean {
	if (PERMISSIONS[permission].scope !== 'place') return holds(actor, permission);
	// The types require a record here; without one at run time, nothing is covered.
	if (!record) return false;
	return grantsHolding(actor, permission).some((g) => covers(g, record));
}

/**
 * The one door every verb goes through: 401 for nobody, 403 for the wrong role (no record: the role
 * check of `holds`) or for a record no grant covers.
 */
export function requirePermission(actor: Actor, permission: PermissionName): void;
export function requirePermission(actor: Actor, permission: ScopedPermission, record: Place): void;
export function requirePermission(actor: Actor, permission: PermissionName, record?: Place): void {
	if (!actor.userId) throw new UnauthenticatedError();
	const allowed = record ? can(actor, permission as ScopedPermission, record) : holds(actor, permission);
	if (!allowed) throw new ForbiddenError(permission);
}
