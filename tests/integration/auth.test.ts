import { beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { freshDatabase } from './db.ts';
import { createAuth, CLIENT_IP_HEADER, signInInput, signUpInput } from '../../src/lib/server/auth/index.ts';
import { authSession, authUser } from '../../src/lib/server/auth/schema.ts';
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
