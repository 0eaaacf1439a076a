import { and, desc, eq, gt } from 'drizzle-orm';
import { audit, belgianDateOf, type Ctx, daysBetween, inTransaction, NotFoundError } from '../core/index.ts';
import { requirePermission } from '../access/index.ts';
import { authSession, authUser } from './schema.ts';
import { describeDevice, type Device } from './user-agent.ts';

/** Whole calendar days from `then` to `now` in Belgium (0 = the same day there). */
export function daysAgo(then: Date, now: Date): number {
	return Math.max(0, daysBetween(belgianDateOf(then), belgianDateOf(now)));
}

export type SessionView = { id: string; device: Device; lastUsedAt: Date; lastUsedDaysAgo: number };

/**
 * The actor's own live sessions, to review and revoke: the device in words and when it was last
 * used (better-auth touches a session at most once per `updateAge`, an hour). Neither the raw
 * User-Agent nor the address leaves the server: we know no place for an address, and a resident
 * reads nothing from one.
 */
export async function listSessions(ctx: Ctx, now = new Date()): Promise<SessionView[]> {
	requirePermission(ctx.actor, 'account.self');
	const rows = await ctx.db
		.select({ id: authSession.id, createdAt: authSession.createdAt, updatedAt: authSession.updatedAt, userAgent: authSession.userAgent })
		.from(authSession)
		.where(and(eq(authSession.userId, ctx.actor.userId!), gt(authSession.expiresAt, now)))
		.orderBy(desc(authSession.updatedAt), desc(authSession.createdAt));
	return rows.map((r) => {
		const lastUsedAt = r.updatedAt > r.createdAt ? r.updatedAt : r.createdAt;
		return { id: r.id, device: describeDevice(r.userAgent), lastUsedAt, lastUsedDaysAgo: daysAgo(lastUsedAt, now) };
	});
}

export async function revokeSession(ctx: Ctx, sessionId: string) {
	requirePermission(ctx.actor, 'account.self');
	return inTransaction(ctx, async (t) => {
		const [row] = await t.db
			.delete(authSession)
			.where(and(eq(authSession.id, sessionId), eq(authSession.userId, ctx.actor.userId!)))
			.returning({ id: authSession.id });
		if (!row) throw new NotFoundError();
		await audit(t, { action: 'revoke', entity: 'auth_session', entityId: row.id });
		return row;
	});
}

export async function setLocale(ctx: Ctx, locale: string) {
	requirePermission(ctx.actor, 'account.self');
	await inTransaction(ctx, async (t) => {
		await t.db.update(authUser).set({ locale, updatedAt: new Date() }).where(eq(authUser.id, ctx.actor.userId!));
		await audit(t, { action: 'update', entity: 'auth_user', entityId: ctx.actor.userId, details: { locale } });
	});
}

/**
 * The audit row of a password change. The change itself is better-auth's (it checks the current
 * password and hashes the new one), so this row follows it rather than sharing its transaction.
 */
export async function recordPasswordChange(ctx: Ctx) {
	requirePermission(ctx.actor, 'account.self');
	await audit(ctx, {
		action: 'update',
		entity: 'auth_user',
		entityId: ctx.actor.userId!,
		details: { field: 'password', otherSessionsRevoked: true }
	});
}
