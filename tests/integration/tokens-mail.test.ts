import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDatabase } from './db.ts';
import { ctxFor, makeActor } from '../factories/index.ts';
import { createToken, listTokens, revokeToken, verifyToken, listSessions, setLocale } from '../../src/lib/server/auth/index.ts';
import { authApiToken, authUser } from '../../src/lib/server/auth/schema.ts';
import { listOutbox, queueMail } from '../../src/lib/server/mail/index.ts';
import { anonymous } from '../../src/lib/server/core/context.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../src/lib/server/core/errors.ts';

const { db } = await freshDatabase();

describe('personal access tokens', () => {
	it('are stored hashed, verify while live, and stop working once revoked', async () => {
		const { actor, user } = await makeActor(db, 'coordinator');
		const created = await createToken(ctxFor(db, actor), { name: 'spreadsheet', scopes: ['read'] });
		const [row] = await db.select().from(authApiToken).where(eq(authApiToken.id, created.id));
		expect(row!.tokenHash).not.toContain(created.token.slice(3));
		expect(await verifyToken(db, created.token)).toEqual({ userId: user.id, scopes: ['read'] });
		expect(await verifyToken(db, created.token + 'x')).toBeNull();
		expect(await verifyToken(db, "ww_' OR 1=1 --")).toBeNull();
		await revokeToken(ctxFor(db, actor), created.id);
		expect(await verifyToken(db, created.token)).toBeNull();
		expect((await listTokens(ctxFor(db, actor)))[0]!.revokedAt).not.toBeNull();
	});

	it('cannot be revoked by somebody else, nor created anonymously', async () => {
		const a = await makeActor(db, 'resident');
		const b = await makeActor(db, 'resident');
		const t = await createToken(ctxFor(db, a.actor), { name: 'mine', scopes: ['read', 'write'] });
		await expect(revokeToken(ctxFor(db, b.actor), t.id)).rejects.toBeInstanceOf(NotFoundError);
		await expect(createToken(ctxFor(db, anonymous), { name: 'x', scopes: ['read'] })).rejects.toBeInstanceOf(UnauthenticatedError);
		expect(await verifyToken(db, t.token)).not.toBeNull();
	});

	it('expire', async () => {
		const { actor } = await makeActor(db, 'resident');
		const t = await createToken(ctxFor(db, actor), { name: 'short', scopes: ['read'], expiresInDays: 1 });
		await db
			.update(authApiToken)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(authApiToken.id, t.id));
		expect(await verifyToken(db, t.token)).toBeNull();
	});
});

describe('account settings', () => {
	it('keeps the language choice on the account', async () => {
		const { actor, user } = await makeActor(db, 'resident');
		await setLocale(ctxFor(db, actor), 'ar');
		const [row] = await db.select().from(authUser).where(eq(authUser.id, user.id));
		expect(row!.locale).toBe('ar');
		expect(await listSessions(ctxFor(db, actor))).toEqual([]);
	});
});

describe('the outbox', () => {
	it('keeps mail when there is no SMTP, shown to admins or in the open demo mailbox only', async () => {
		await queueMail(db, { to: 'a@example.test', subject: 'Hello', text: 'Body' });
		const admin = await makeActor(db, 'admin');
		const resident = await makeActor(db, 'resident');
		const mails = await listOutbox(ctxFor(db, admin.actor), { openMailbox: false });
		expect(mails[0]).toMatchObject({ to: 'a@example.test', status: 'kept' });
		await expect(listOutbox(ctxFor(db, resident.actor), { openMailbox: false })).rejects.toBeInstanceOf(ForbiddenError);
		expect(await listOutbox(ctxFor(db, anonymous), { openMailbox: true })).toHaveLength(1);
	});
});
