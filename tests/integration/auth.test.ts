import { beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { freshDatabase } from './db.ts';
import {
	createAuth,
	CLIENT_IP_HEADER,
	mailOrigin,
	requestPasswordReset,
	settleQueuedResets,
	signInInput,
	signUpInput
} from '../../src/lib/server/auth/index.ts';
import { authRateLimit, authSession, authUser, authVerification } from '../../src/lib/server/auth/schema.ts';
import { peoplePerson } from '../../src/lib/server/people/schema.ts';
import { makeActor } from '../factories/index.ts';

const database = await freshDatabase();
const db = database.db;
const mails: { kind: string; to: string; link: string }[] = [];
const auth = createAuth({
	db,
	secret: 'test-secret-test-secret-test-secret-123',
	secureCookies: false,
	signInPerMinute: 5,
	mailer: {
		resetPassword: async (to, link) => void mails.push({ kind: 'reset', to, link }),
		verifyEmail: async (to, link) => void mails.push({ kind: 'verify', to, link }),
		alreadyRegistered: async (to, link) => void mails.push({ kind: 'exists', to, link })
	}
});

let ip = 0;
const call = (path: string, body: unknown, address = `10.0.0.${++ip % 250}`) =>
	auth.handler(
		new Request(`http://localhost/api/auth${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: 'http://localhost', [CLIENT_IP_HEADER]: address },
			body: JSON.stringify(body)
		})
	);

describe('accounts', () => {
	let email: string;
	beforeAll(async () => {
		({ email } = await makeActor(db, 'resident', { password: 'correct horse battery' }));
	});

	it('signs in with the right password and stores the session in the database', async () => {
		const res = await call('/sign-in/email', { email, password: 'correct horse battery' });
		expect(res.status).toBe(200);
		expect(res.headers.getSetCookie().join(';')).toContain('wijkweb.session_token');
		const [{ n }] = (await db.select({ n: count() }).from(authSession)) as [{ n: number }];
		expect(n).toBeGreaterThan(0);
	});

	it('answers a wrong password and an unknown address the same way', async () => {
		const wrong = await call('/sign-in/email', { email, password: 'not the password' });
		const unknown = await call('/sign-in/email', { email: 'nobody-here@example.test', password: 'not the password' });
		expect(wrong.status).toBe(401);
		expect(unknown.status).toBe(401);
		expect((await wrong.json()).code).toBe((await unknown.json()).code);
	});

	it('creates an unverified account, a person and a confirmation mail on sign-up', async () => {
		const res = await call('/sign-up/email', { name: 'Nadia', email: 'nadia@example.test', password: 'a good long password' });
		expect(res.status).toBe(200);
		const [user] = await db.select().from(authUser).where(eq(authUser.email, 'nadia@example.test'));
		expect(user?.emailVerified).toBe(false);
		const [person] = await db.select().from(peoplePerson).where(eq(peoplePerson.userId, user!.id));
		expect(person?.firstName).toBe('Nadia');
		expect(mails.find((m) => m.kind === 'verify' && m.to === 'nadia@example.test')).toBeTruthy();
		// Unverified addresses cannot sign in yet.
		expect((await call('/sign-in/email', { email: 'nadia@example.test', password: 'a good long password' })).status).toBe(403);
	});

	it('does not reveal that an address already has an account', async () => {
		const again = await call('/sign-up/email', { name: 'Other', email, password: 'another long password' });
		expect(again.status).toBe(200);
		expect(mails.find((m) => m.kind === 'exists' && m.to === email)).toBeTruthy();
		const [{ n }] = (await db.select({ n: count() }).from(authUser).where(eq(authUser.email, email))) as [{ n: number }];
		expect(n).toBe(1);
	});

	it('resets a forgotten password with the mailed token and revokes the old sessions', async () => {
		const { email: e, user } = await makeActor(db, 'volunteer', { password: 'the old password' });
		await call('/sign-in/email', { email: e, password: 'the old password' });
		const res = await call('/request-password-reset', { email: e, redirectTo: '/reset-password' });
		expect(res.status).toBe(200);
		const mail = mails.findLast((m) => m.kind === 'reset' && m.to === e);
		const token = new URL(mail!.link).searchParams.get('token');
		expect((await call('/reset-password', { token, newPassword: 'the new password' })).status).toBe(200);
		const sessions = await db.select().from(authSession).where(eq(authSession.userId, user.id));
		expect(sessions).toHaveLength(0);
		expect((await call('/sign-in/email', { email: e, password: 'the old password' })).status).toBe(401);
		expect((await call('/sign-in/email', { email: e, password: 'the new password' })).status).toBe(200);
		// A token works once.
		expect((await call('/reset-password', { token, newPassword: 'yet another password' })).status).toBe(400);
	});

	it('rate limits sign-in attempts from one address', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 7; i++) statuses.push((await call('/sign-in/email', { email, password: 'guessing-' + i }, '10.9.9.9')).status);
		expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
		expect(statuses.at(-1)).toBe(429);
		// Another address is not affected.
		expect((await call('/sign-in/email', { email, password: 'correct horse battery' }, '10.9.9.10')).status).toBe(200);
	});
});

describe('links in mail', () => {
	// A client chooses the Host and Origin headers; the link in a reset mail must not follow them.
	const fromEvil = (path: string, body: unknown) =>
		auth.handler(
			new Request(`http://evil.example/api/auth${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', host: 'evil.example', origin: 'http://evil.example', [CLIENT_IP_HEADER]: '10.7.7.7' },
				body: JSON.stringify(body)
			})
		);

	it('point to the configured origin, whatever Host and Origin the request names', async () => {
		const { email } = await makeActor(db, 'resident');
		expect((await fromEvil('/request-password-reset', { email, redirectTo: '/reset-password' })).status).toBe(200);
		expect((await fromEvil('/sign-up/email', { name: 'Eve', email: 'eve@example.test', password: 'a good long password' })).status).toBe(200);
		expect((await fromEvil('/sign-up/email', { name: 'Again', email, password: 'a good long password' })).status).toBe(200);
		const sent = mails.filter((m) => m.to === email || m.to === 'eve@example.test');
		expect(sent.map((m) => m.kind).sort()).toEqual(['exists', 'reset', 'verify']);
		// Without ORIGIN: the address the server was started on (PORT, default 3000).
		for (const m of sent) expect(new URL(m.link).origin, m.kind).toBe('http://localhost:3000');
	});

	it('come from ORIGIN when it is set, else from localhost and PORT', () => {
		expect(mailOrigin({ ORIGIN: 'https://wijkweb.example.be/' })).toBe('https://wijkweb.example.be');
		expect(mailOrigin({ PORT: '4202' })).toBe('http://localhost:4202');
		expect(mailOrigin({})).toBe('http://localhost:3000');
	});
});

describe('a password reset request', () => {
	const ask = (email: string, clientIp: string) => requestPasswordReset(db, auth, { email, clientIp, locale: 'en', origin: 'http://localhost' }, 100);
	const resetTokens = async (userId: string) => (await db.select().from(authVerification)).filter((v) => v.value === userId);

	it('is answered before the address is looked up, the same way for a known and an unknown address', async () => {
		const { email, user } = await makeActor(db, 'volunteer');
		const before = mails.length;
		expect(await ask(email, '10.1.1.1')).toBe('queued');
		expect(await ask('nobody-at-all@example.test', '10.1.1.2')).toBe('queued');
		// The answer is given: no token made, no mail queued yet, for either.
		expect(mails.length).toBe(before);
		expect(await resetTokens(user.id)).toHaveLength(0);
		await settleQueuedResets();
		expect(mails.slice(before).map((m) => m.to)).toEqual([email]);
		expect(await resetTokens(user.id)).toHaveLength(1);
	});

	it('sends at most three mails an hour to one address, however many client addresses ask', async () => {
		const { email } = await makeActor(db, 'volunteer');
		const answers: string[] = [];
		for (let i = 0; i < 10; i++) answers.push(await ask(email, `10.2.2.${i}`));
		await settleQueuedResets();
		expect(answers.every((a) => a === 'queued')).toBe(true);
		expect(mails.filter((m) => m.kind === 'reset' && m.to === email)).toHaveLength(3);
		// Another address is not affected.
		const other = await makeActor(db, 'volunteer');
		await ask(other.email, '10.2.2.1');
		await settleQueuedResets();
		expect(mails.filter((m) => m.kind === 'reset' && m.to === other.email)).toHaveLength(1);
	});

	it('forgets the counters of past hours now and then, so spraying addresses cannot grow the table', async () => {
		await db.insert(authRateLimit).values({ id: 'stale', key: 'reset-address:stale', count: 3, lastRequest: Date.now() - 2 * 3_600_000 });
		for (let i = 0; i < 100; i++) await ask(`spray-${i}@example.test`, '10.4.4.4');
		await settleQueuedResets();
		expect(await db.select().from(authRateLimit).where(eq(authRateLimit.key, 'reset-address:stale'))).toHaveLength(0);
	});

	it('is refused after too many from one client address, for known and unknown addresses alike', async () => {
		const { email } = await makeActor(db, 'volunteer');
		const answers: string[] = [];
		for (let i = 0; i < 4; i++)
			answers.push(
				await requestPasswordReset(
					db,
					auth,
					{ email: i % 2 ? email : `x${i}@example.test`, clientIp: '10.3.3.3', locale: 'en', origin: 'http://localhost' },
					3
				)
			);
		expect(answers).toEqual(['queued', 'queued', 'queued', 'rate_limited']);
		await settleQueuedResets();
	});
});

describe('hostile sign-up and sign-in input', () => {
	const hostile = fc.oneof(
		fc.string({ maxLength: 300 }),
		fc.string({ unit: 'grapheme', maxLength: 200 }),
		fc.constantFrom(
			"' OR 1=1 --",
			'<script>alert(1)</script>',
			'\u0000',
			'a'.repeat(100_000),
			'\uD800',
			'"; DROP TABLE auth_user; --',
			'../../etc/passwd'
		)
	);
	it('never writes anything for input the forms refuse, and never throws', async () => {
		const before = await db.select({ n: count() }).from(authUser);
		await fc.assert(
			fc.asyncProperty(hostile, hostile, hostile, async (name, email, password) => {
				const up = signUpInput.safeParse({ name, email, password });
				const inn = signInInput.safeParse({ email, password });
				// Whatever reaches better-auth has passed our schema; it must answer 4xx or succeed, never 5xx.
				if (up.success) expect((await call('/sign-up/email', up.data)).status).toBeLessThan(500);
				if (inn.success) expect((await call('/sign-in/email', inn.data)).status).toBeLessThan(500);
				if (!up.success) expect(up.error.issues.length).toBeGreaterThan(0);
			}),
			{ numRuns: 60 }
		);
		const after = await db.select({ n: count() }).from(authUser);
		// Only well-formed sign-ups may have added rows; hostile e-mail strings almost never are.
		const rows = await db.select({ email: authUser.email }).from(authUser);
		for (const r of rows) expect(signUpInput.shape.email.safeParse(r.email).success).toBe(true);
		expect(after[0]!.n).toBeGreaterThanOrEqual(before[0]!.n);
	});
});
