import { and, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../core/index.ts';
import { can, readScope, type ReadScope } from '../access/index.ts';
import type { PermissionName } from '../access/index.ts';
import { peoplePerson } from './schema.ts';

const NONE = '00000000-0000-0000-0000-000000000000';

/**
 * The people an actor may act on under `permission` — always the permission the verb checks, never
 * a wider one: a record without an organisation is in nobody's scope but an admin's.
 */
export function personScopeFilter(actor: Actor, permission: PermissionName): SQL | undefined {
	const scope = readScope(actor, permission);
	if (scope.all) return undefined;
	const inOrg = inArray(peoplePerson.organisationId, scope.organisationIds.length ? scope.organisationIds : [NONE]);
	if (scope.areaIds === null) return inOrg;
	return and(inOrg, or(isNull(peoplePerson.areaId), inArray(peoplePerson.areaId, scope.areaIds)));
}

/** The same rule as `personScopeFilter`, for a record already read (a check made later, on confirmation). */
export function personInScope(scope: ReadScope, person: { organisationId: string | null; areaId: string | null }): boolean {
	if (scope.all) return true;
	if (!person.organisationId || !scope.organisationIds.includes(person.organisationId)) return false;
	return scope.areaIds === null || person.areaId === null || scope.areaIds.includes(person.areaId);
}

/** Whether the person page may offer the link form: the same rule the verb applies. */
export function mayLinkAccount(actor: Actor, person: { organisationId: string | null; areaId: string | null }): boolean {
	return can(actor, 'people.person.link_account') && personInScope(readScope(actor, 'people.person.link_account'), person);
}
