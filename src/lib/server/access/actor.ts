import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import type { Actor } from '../core/index.ts';
import { authUser } from '../auth/index.ts';
import { peoplePerson } from '../people/index.ts';
import { accessRoleGrant } from './schema.ts';

/**
 * Builds the actor of a signed-in user: their person record, every role they hold and whether their
 * account has a second factor. One query.
 * Part of the door, not a verb: hooks.server.ts calls it to find out who is asking, before there is
 * an actor a verb could be run for (and a link confirmation re-checks the requester with it).
 */
export async function loadActor(db: Db, userId: string, via: Actor['via'] = 'session'): Promise<Actor | null> {
	const rows = await db
		.select({
			userId: authUser.id,
			name: authUser.name,
			email: authUser.email,
			locale: authUser.locale,
			secondFactor: authUser.twoFactorEnabled,
			secondFactorRequired: authUser.twoFactorRequired,
			personId: peoplePerson.id,
			role: accessRoleGrant.role,
			organisationId: accessRoleGrant.organisationId,
			areaId: accessRoleGrant.areaId
		})
		.from(authUser)
		.leftJoin(peoplePerson, eq(peoplePerson.userId, authUser.id))
		.leftJoin(accessRoleGrant, eq(accessRoleGrant.personId, peoplePerson.id))
		.where(eq(authUser.id, userId));
	const first = rows[0];
	if (!first) return null;
	return {
		userId: first.userId,
		personId: first.personId,
		name: first.name,
		email: first.email,
		locale: first.locale,
		via,
		secondFactor: first.secondFactor,
		secondFactorRequired: first.secondFactorRequired,
		grants: rows.filter((r) => r.role && r.organisationId).map((r) => ({ role: r.role!, organisationId: r.organisationId!, areaId: r.areaId }))
	};
}
