import type { Actor } from '../core/context.ts';
import type { Permission } from '../core/verb.ts';
import { NotFoundError } from '../core/errors.ts';
import { can, type Scope } from './can.ts';
import { PERMISSIONS, type PermissionName } from './permissions.ts';

// What verbs declare and their access functions use: the permission a verb needs (held at all: the
// runner checks it), and whether one record lies inside the actor's scope for it (deny by default).

const held = (actor: Actor, name: PermissionName) => can(actor, name, undefined);

/** The permission `name` as a verb declares it (defineVerb's `permission`). */
export function permission(name: PermissionName): Permission {
	return { name, write: PERMISSIONS[name].write, holds: (actor) => held(actor, name) };
}

/**
 * The record, when the actor holds `name` for its organisation and area; otherwise the same 404 as an
 * unknown record (its existence outside one's scope is not told).
 */
export function inScope<R extends Scope>(actor: Actor, name: PermissionName, record: R | undefined | null): R {
	if (!record || !can(actor, name, record)) throw new NotFoundError();
	return record;
}

/**
 * The access of a verb whose permission is not bound to an organisation or area: instance settings
 * (neighbourhoods, organisations: the admin's) and public knowledge. Said explicitly, so that a verb
 * without a scope is a decision, not an omission.
 */
export const instanceWide = (): { instanceWide: true } => ({ instanceWide: true });
