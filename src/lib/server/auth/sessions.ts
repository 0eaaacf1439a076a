import { and, desc, eq, gt } from 'drizzle-orm';
import type { Ctx } from '../core/context.ts';
import { inTransaction } from '../core/context.ts';
import { audit } from '../core/audit.ts';
import { NotFoundError } from '../core/errors.ts';
import { requirePermission } from '../access/can.ts';
import { authSession, authUser } from './schema.ts';

/** The actor's own live sessions (device, address, since), to review and revoke. */
export async function listSessions(ctx: Ctx) {
	requirePermission(ctx.actor, 'account.self');
	return ctx.db
		.select({
			id: authSession.id,
			createdAt: authSession.createdAt,
			expiresAt: authSession.expiresAt,
			userAgent: authSession.userAgent,
			ipAddress: authSession.ipAddress
		})
		.from(authSession)
		.where(and(eq(authSession.userId, ctx.actor.userId!), gt(authSession.expiresAt, new Date())))
		.orderBy(desc(authSession.createdAt));
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
