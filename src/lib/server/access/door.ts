import type { Actor } from '../core/index.ts';
import type { Permission } from '../core/index.ts';
import { NotFoundError } from '../core/index.ts';
import { can, holds } from './can.ts';
import { PERMISSIONS, type PermissionName, type ScopedPermission } from './permissions.ts';
import type { Place } from './scope.ts';
import { requireSecondFactor } from './second-factor.ts';

// What verbs declare and their access functions use: the permission a verb needs (held at all: the
// runner checks it), and whether one record lies inside the actor's scope for it (deny by default).

/** The permission `name` as a verb declares it (defineVerb's `permission`). */
export function permission(name: PermissionName): Permission {
	const rule = PERMISSIONS[name];
	const gate = 'sensitive' in rule && rule.sensitive ? { gate: (actor: Actor) => requireSecondFactor(actor) } : {};
	return { name, write: rule.write, holds: (actor) => holds(actor, name), ...gate };
}

/**
 * The record, when a grant of the actor for `name` covers its organisation and area (access/scope.ts);
 * otherwise the same 404 as an unknown record (its existence outside one's scope is not told).
 */
export function inScope<R extends Place>(actor: Actor, name: ScopedPermission, record: R | undefined | null): R {
	if (!record || !can(actor, name, record)) throw new NotFoundError();
	return record;
}

/**
 * The access of a verb whose permission is not bound to an organisation or area: instance settings
 * (neighbourhoods, organisations: the admin's) and public knowledge. Said explicitly, so that a verb
 * without a scope is a decision, not an omission.
 */
export const instanceWide = (): { instanceWide: true } => ({ instanceWide: true });
