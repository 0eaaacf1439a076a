import type { Actor, Grant } from '../core/index.ts';
import { ForbiddenError, UnauthenticatedError } from '../core/index.ts';
import { PERMISSIONS, type PermissionName } from './permissions.ts';

export type Scope = { organisationId?: string | null; areaId?: string | null };

function grantCovers(grant: Grant, scope: Scope | undefined): boolean {
	// Admins run the instance: their grant is not narrowed to one organisation.
	if (grant.role === 'admin') return true;
	if (!scope) return true;
	if (scope.organisationId && grant.organisationId !== scope.organisationId) return false;
	if (scope.areaId && grant.areaId && grant.areaId !== scope.areaId) return false;
	return true;
}

/** Pure: may this actor do `permission` (in `scope`, when the subject has one)? */
export function can(actor: Actor, permission: PermissionName, scope?: Scope): boolean {
	const rule = PERMISSIONS[permission];
	if (!actor.userId) return false;
	if (actor.via === 'token' && rule.write && !actor.tokenScopes?.includes('write')) return false;
	if ('signedIn' in rule && rule.signedIn) return true;
	const roles: readonly string[] = rule.roles;
	return actor.grants.some((g) => roles.includes(g.role) && grantCovers(g, scope));
}

/** The one door every verb goes through: throws 401 for nobody, 403 for the wrong role. */
export function requirePermission(actor: Actor, permission: PermissionName, scope?: Scope): void {
	if (!actor.userId) throw new UnauthenticatedError();
	if (!can(actor, permission, scope)) throw new ForbiddenError(permission);
}

export type ReadScope = { all: true } | { all: false; organisationIds: string[]; areaIds: string[] | null };

/**
 * Where an actor may read under `permission`: everything (admin), or these organisations, narrowed to
 * these areas when every matching grant is area-bound (null = the organisations' whole territory).
 */
export function readScope(actor: Actor, permission: PermissionName): ReadScope {
	const roles: readonly string[] = PERMISSIONS[permission].roles;
	const grants = actor.grants.filter((g) => roles.includes(g.role));
	if (grants.some((g) => g.role === 'admin')) return { all: true };
	const organisationIds = [...new Set(grants.map((g) => g.organisationId))];
	const areaIds = grants.some((g) => g.areaId === null) ? null : [...new Set(grants.map((g) => g.areaId!))];
	return { all: false, organisationIds, areaIds };
}
