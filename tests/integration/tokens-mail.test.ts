import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor } from '../factories/index.ts';
import {
	createToken,
	listTokens,
	revokeToken,
	verifyToken,
	listSessions,
	setLocale,
	settleQueuedResets,
	demoMailboxOpen,
	isLoopback
} from '../../src/lib/server/auth/index.ts';
import { PEER_HEADER } from '../../src/lib/server/auth/demo.ts';
import { peerAddress } from '../../src/lib/server/web/auth-bridge.ts';
import { authApiToken, authSession, authUser } from '../../src/lib/server/auth/schema.ts';
import { listOutbox, queueMail } from '../../src/lib/server/mail/index.ts';
import { mailOutbox } from '../../src/lib/server/mail/schema.ts';
import { anonymous, type Actor } from '../../src/lib/server/core/context.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../src/lib/server/core/errors.ts';
import { outcome } from '../factories/page.ts';
import { actions as forgotActions } from '../../src/routes/(public)/forgot-password/+page.server.ts';
import { load as mailboxLoad } from '../../src/routes/dev/mailbox/+page.server.ts';
import { load as layoutLoad } from '../../src/routes/+layout.server.ts';
import { load as signInLoad } from '../../src/routes/(public)/sign-in/+page.server.ts';
import { load as accountLoad } from '../../src/routes/account/+page.server.ts';

const { db } = await freshAppDatabase();

// The settings these tests change, put back after each.
const ENV_KEYS = ['WIJKWEB_DEMO', 'SMTP_HOST', 'HOST', 'ORIGIN', 'WIJKWEB_DEMO_MAILBOX'] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
afterEach(() => {
	for (const k of ENV_KEYS) {
		if (savedEnv[k] === undefined) delete process.env[k];
		else process.env[k] = savedEnv[k];
	}
});
const setEnv = (env: Partial<Record<(typeof ENV_KEYS)[number], string>>) => {
	for (const k of ENV_KEYS) delete process.env[k];
	Object.assign(process.env, env);
};

/** A GET as SvelteKit hands it to a load: who asks, and the socket address scripts/serve.ts saw. */
const getEvent = (path: string, actor: Actor, peer: string) => {
	const url = new URL(path, 'http://localhost');
	return {
		request: new Request(url, { headers: { [PEER_HEADER]: peer } }),
		locals: { actor, locale: 'en', sessionId: null },
		url,
		getClientAddress: () => peer
	} as never;
};

describe('personal access tokens', () => {
	it('are stored hashed, verify while live, and stop working once revoked', async () => {
		const { actor, user } = await makeActor(db, 'coordinator');
		const created = await createToken(ctxFor(db, actor), { name: 'spreadsheet', scopes: ['read'] });
		const [row] = await db.select().from(authApiToken).where(eq(authApiToken.id, created.id));
		expect(row!.tokenHash).not.toContain(created.token.slice(3));
		expect(await verifyToken(db, created.token)).toEqual({ id: created.id, userId: user.id, scopes: ['read'] });
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

describe('the demo mailbox', () => {
	const DEMO = { WIJKWEB_DEMO: '1', HOST: '127.0.0.1' };
	const opens = async (actor: Actor, peer: string) => {
		const r = (await outcome(mailboxLoad(getEvent('/dev/mailbox', actor, peer)))) as { mails?: unknown[]; status?: number; location?: string };
		return Array.isArray(r.mails);
	};
	const navShows = async (actor: Actor, peer: string) =>
		((await layoutLoad(getEvent('/', actor, peer))) as { nav: { mailbox: boolean } }).nav.mailbox;

	it('believes the peer header only when scripts/serve.ts wrote it; the dev server uses the socket', () => {
		const forged = {
			request: new Request('http://localhost/dev/mailbox', { headers: { [PEER_HEADER]: '127.0.0.1' } }),
			getClientAddress: () => '192.168.1.20'
		};
		// The adapter started some other way: a client-sent header is not the socket.
		expect(peerAddress(forged, false, {})).toBeNull();
		// serve.ts overwrites the header from the socket on every request and says so.
		expect(peerAddress(forged, false, { WIJKWEB_PEER_HEADER: '1' })).toBe('127.0.0.1');
		// Vite's dev server (`npm run dev -- --host`): no serve.ts in front, so the socket's address.
		expect(peerAddress(forged, true, { WIJKWEB_PEER_HEADER: '1' })).toBe('192.168.1.20');
	});

	it('is closed to a visitor from the network, open to this computer', async () => {
		await queueMail(db, { to: 'admin@example.org', subject: 'Reset', text: 'http://localhost:3000/reset-password?token=secret' });
		setEnv(DEMO);
		expect(await opens(anonymous, '192.168.1.20')).toBe(false);
		expect(await opens(anonymous, '::ffff:10.0.0.7')).toBe(false);
		expect(await navShows(anonymous, '192.168.1.20')).toBe(false);
		expect(await opens(anonymous, '127.0.0.1')).toBe(true);
		expect(await opens(anonymous, '::1')).toBe(true);
		expect(await navShows(anonymous, '::ffff:127.0.0.1')).toBe(true);
	});

	it('is closed even to this computer when the server listens on the network, unless forced', async () => {
		setEnv({ WIJKWEB_DEMO: '1', HOST: '0.0.0.0' });
		expect(await opens(anonymous, '127.0.0.1')).toBe(false);
		setEnv({ WIJKWEB_DEMO: '1', HOST: '0.0.0.0', WIJKWEB_DEMO_MAILBOX: 'local' });
		expect(await opens(anonymous, '127.0.0.1')).toBe(true);
		// Forcing never opens it to the network.
		expect(await opens(anonymous, '192.168.1.20')).toBe(false);
	});

	it('is closed behind a public ORIGIN (a proxy on this computer makes every request local) and with SMTP', async () => {
		setEnv({ ...DEMO, ORIGIN: 'https://wijkweb.example.be' });
		expect(await opens(anonymous, '127.0.0.1')).toBe(false);
		setEnv({ ...DEMO, SMTP_HOST: 'smtp.example.be' });
		expect(await opens(anonymous, '127.0.0.1')).toBe(false);
		setEnv({ ...DEMO, ORIGIN: 'http://localhost:3000' });
		expect(await opens(anonymous, '127.0.0.1')).toBe(true);
	});

	it('stays open to signed-in admins from anywhere, and never to other roles from the network', async () => {
		setEnv(DEMO);
		const admin = await makeActor(db, 'admin');
		const facilitator = await makeActor(db, 'facilitator');
		expect(await opens(admin.actor, '192.168.1.20')).toBe(true);
		expect(await opens(facilitator.actor, '192.168.1.20')).toBe(false);
		setEnv({});
		expect(await opens(admin.actor, '192.168.1.20')).toBe(true);
	});

	it('decides on loopback addresses strictly', () => {
		for (const a of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', '::ffff:127.0.0.1', 'localhost']) expect(isLoopback(a), a).toBe(true);
		for (const a of ['0.0.0.0', '::', '10.0.0.1', '::ffff:192.168.1.2', '127.0.0.1.evil.example', '', null])
			expect(isLoopback(a), String(a)).toBe(false);
		expect(demoMailboxOpen('127.0.0.1', { WIJKWEB_DEMO: '1', HOST: '0.0.0.0' })).toBe(false);
		expect(demoMailboxOpen('127.0.0.1', { WIJKWEB_DEMO: '1' })).toBe(true); // HOST unset = this computer only
		expect(demoMailboxOpen(null, { WIJKWEB_DEMO: '1', HOST: '127.0.0.1' })).toBe(false);
	});

	it('is announced on the sign-in page as a demo', async () => {
		setEnv(DEMO);
		expect(await signInLoad(getEvent('/sign-in', anonymous, '192.168.1.20'))).toEqual({ demo: true });
		setEnv({});
		expect(await signInLoad(getEvent('/sign-in', anonymous, '192.168.1.20'))).toEqual({ demo: false });
	});
});

describe('the forgot-password form', () => {
	const forgot = (email: string, ip: string) => {
		const body = new FormData();
		body.append('email', email);
		const url = new URL('http://localhost/forgot-password');
		return forgotActions.default!({
			request: new Request(url, { method: 'POST', body }),
			locals: { actor: anonymous, locale: 'en' },
			url,
			getClientAddress: () => ip
		} as never);
	};
	const mailsTo = async (to: string) => db.select().from(mailOutbox).where(eq(mailOutbox.to, to));

	it('answers before anything is looked up or mailed, the same for a known and an unknown address', async () => {
		const { email } = await makeActor(db, 'volunteer');
		expect(await forgot(email, '10.5.0.1')).toEqual({ done: true });
		expect(await forgot('unknown-person@example.test', '10.5.0.2')).toEqual({ done: true });
		// Answered: nothing mailed yet (the lookup comes after the answer).
		expect(await mailsTo(email)).toHaveLength(0);
		await settleQueuedResets();
		const [mail] = await mailsTo(email);
		expect(mail!.text).toContain('http://localhost:3000/reset-password?token=');
		expect(await mailsTo('unknown-person@example.test')).toHaveLength(0);
	});

	it('queues at most three reset mails to one address, from ten client addresses', async () => {
		const { email } = await makeActor(db, 'volunteer');
		for (let i = 0; i < 10; i++) expect(await forgot(email, `10.6.0.${i}`)).toEqual({ done: true });
		await settleQueuedResets();
		expect(await mailsTo(email)).toHaveLength(3);
	});
});

describe('the account page', () => {
	const ANDROID = 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
	const addSession = (userId: string, userAgent: string, usedAt: Date) =>
		db.insert(authSession).values({
			id: `s${Math.random().toString(36).slice(2)}`,
			token: `t${Math.random().toString(36).slice(2)}`,
			userId,
			userAgent,
			ipAddress: '81.82.83.84',
			createdAt: new Date(usedAt.getTime() - 86_400_000 * 3),
			updatedAt: usedAt,
			expiresAt: new Date(Date.now() + 86_400_000)
		});
	type AccountData = {
		sessions: Array<Record<string, unknown>>;
		tokens: unknown[];
		canMakeTokens: boolean;
	};

	it('shows a resident her devices in words, when last used, and no raw browser string or address', async () => {
		const { actor, user } = await makeActor(db, 'resident');
		await addSession(user.id, ANDROID, new Date());
		await addSession(
			user.id,
			'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
			new Date(Date.now() - 86_400_000 * 10)
		);
		const data = (await accountLoad(getEvent('/account', actor, '127.0.0.1'))) as AccountData;
		expect(data.sessions.map((s) => [s.device, s.lastUsedDaysAgo])).toEqual([
			[{ browser: 'Chrome', os: 'Android' }, 0],
			[{ browser: 'Firefox', os: 'Windows' }, 10]
		]);
		const json = JSON.stringify(data);
		expect(json).not.toContain('Mozilla/5.0');
		expect(json).not.toContain('81.82.83');
	});

	it('offers API tokens to the roles that work over the API only', async () => {
		// A jury member works over the API too since funding (declareConflict, scoreApplication).
		for (const role of ['resident', 'volunteer', 'expert', null] as const) {
			const { actor } = await makeActor(db, role);
			const data = (await accountLoad(getEvent('/account', actor, '127.0.0.1'))) as AccountData;
			expect(data.canMakeTokens, String(role)).toBe(false);
		}
		for (const role of ['facilitator', 'outreach', 'coordinator', 'officer', 'admin', 'jury'] as const) {
			const { actor } = await makeActor(db, role);
			const data = (await accountLoad(getEvent('/account', actor, '127.0.0.1'))) as AccountData;
			expect(data.canMakeTokens, role).toBe(true);
		}
	});

	it('still lists a live token a resident holds, so she can revoke it, and hides revoked ones', async () => {
		const { actor } = await makeActor(db, 'resident');
		const t = await createToken(ctxFor(db, actor), { name: 'old app', scopes: ['read'] });
		const before = (await accountLoad(getEvent('/account', actor, '127.0.0.1'))) as AccountData;
		expect(before.tokens).toHaveLength(1);
		await revokeToken(ctxFor(db, actor), t.id);
		const after = (await accountLoad(getEvent('/account', actor, '127.0.0.1'))) as AccountData;
		expect(after.tokens).toHaveLength(0);
	});
});

describe('the outbox', () => {
	it('keeps mail when there is no SMTP, shown to admins or in the open demo mailbox only', async () => {
		await queueMail(db, { to: 'a@example.test', subject: 'Hello', text: 'Body' });
		const admin = await makeActor(db, 'admin');
		const resident = await makeActor(db, 'resident');
		const mails = await listOutbox(ctxFor(db, admin.actor), { openMailbox: false });
		expect(mails.find((m) => m.to === 'a@example.test')).toMatchObject({ to: 'a@example.test', status: 'kept' });
		await expect(listOutbox(ctxFor(db, resident.actor), { openMailbox: false })).rejects.toBeInstanceOf(ForbiddenError);
		expect((await listOutbox(ctxFor(db, anonymous), { openMailbox: true })).map((m) => m.to)).toContain('a@example.test');
	});
});
