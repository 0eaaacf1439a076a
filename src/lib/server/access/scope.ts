import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor, Grant } from '../core/index.ts';
import { PERMISSIONS, type PermissionName, type ScopedPermission } from './permissions.ts';

/** Where a record lives. Both keys are required so that "not said" cannot be read as "anywhere". */
export type Place = { organisationId: string | null; areaId: string | null };

/**
 * THE rule, deny by default: an admin covers everything; any other grant covers only records of its
 * own organisation (a record without one is nobody's), and an area-bound grant only records in its
 * area (a record without an area is for the organisation's org-wide grants).
 */
export function covers(grant: Grant, record: Place): boolean {
	if (grant.role === 'admin') return true;
	if (record.organisationId === null || record.organisationId !== grant.organisationId) return false;
	return grant.areaId === null || grant.areaId === record.areaId;
}

/** Whether the actor may use `permission` at all: signed in, and a token allowed to write for a write. */
export function mayUse(actor: Actor, permission: PermissionName): boolean {
	if (!actor.userId) return false;
	return !(actor.via === 'token' && PERMISSIONS[permission].write && !actor.tokenScopes?.includes('write'));
}

/** The actor's grants whose role holds `permission` — each one judged on its own, never merged. */
export function grantsHolding(actor: Actor, permission: PermissionName): Grant[] {
	if (!mayUse(actor, permission)) return [];
	const roles: readonly string[] = PERMISSIONS[permission].roles;
	return actor.grants.filter((g) => roles.includes(g.role));
}

type Columns = { organisation: AnyPgColumn; area: AnyPgColumn };

/**
 * The SQL form of `covers` for a list: rows some grant holding `permission` covers. Undefined (no
 * filter) for an admin; a false condition for an actor without a matching grant. One OR term per
 * grant, so an area-bound grant in one organisation never widens to another organisation's areas.
 */
export function scopeFilter(actor: Actor, permission: ScopedPermission, columns: Columns): SQL | undefined {
	const grants = grantsHolding(actor, permission);
	if (grants.some((g) => g.role === 'admin')) return undefined;
	const terms = grants.map((g) =>
		g.areaId === null ? eq(columns.organisation, g.organisationId) : and(eq(columns.organisation, g.organisationId), eq(columns.area, g.areaId))
	);
	return terms.length ? or(...terms) : sql`false`;
}

/**
 * The areas some grant holding `permission` reaches into, in any of its organisations (null: every
 * area — an admin, or an org-wide grant). For offering areas in a filter or a form only; deciding
 * about a record is `can` or `scopeFilter`.
 */
export function grantedAreas(actor: Actor, permission: PermissionName): string[] | null {
	const grants = grantsHolding(actor, permission);
	if (grants.some((g) => g.role === 'admin' || g.areaId === null)) return null;
	return [...new Set(grants.map((g) => g.areaId!))];
}

/** The organisations where some grant holds `permission` (null: every one, for an admin), for a form's choices. */
export function grantedOrganisations(actor: Actor, permission: PermissionName): string[] | null {
	const grants = grantsHolding(actor, permission);
	if (grants.some((g) => g.role === 'admin')) return null;
	return [...new Set(grants.map((g) => g.organisationId))];
}
