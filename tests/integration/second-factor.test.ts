import { describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { apiCall } from '../factories/api.ts';
import { formPost, outcome } from '../factories/page.ts';
import { totp, secretOfUri } from '../e2e/totp.ts';
import { createAuth, CLIENT_IP_HEADER } from '../../src/lib/server/auth/index.ts';
import { authTwoFactor, authUser } from '../../src/lib/server/auth/schema.ts';
import { loadActor, requireSecondFactor } from '../../src/lib/server/access/index.ts';
import { getPerson, listPeople, registerPerson } from '../../src/lib/server/people/index.ts';
import { AppError } from '../../src/lib/server/core/errors.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { actions as enrolActions } from '../../src/routes/account/two-factor/+page.server.ts';
import { actions as challengeActions } from '../../src/routes/(public)/sign-in/two-factor/+page.server.ts';

// The gate with TWO_FACTOR=required (the production default; the other test files run as the demo
// does, optional, and second-factor-optional.test.ts covers that side). Read once per process, so it
// is set before any verb runs.
process.env.TWO_FACTOR = 'required';

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const area = await makeArea(db);
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id, password: 'the facilitator password' });
const admin = await makeActor(db, 'admin', { organisationId: org.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: area.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });

const auth = createAuth({
	db,
	secret: 'test-secret-test-secret-test-secret-123',
	secureCookies: false,
	signInPerMinute: 50,
	mailer: { resetPassword: async () => {}, verifyEmail: async () => {}, alreadyRegistered: async () => {} }
});
const call = async (path: string, body: unknown, cookie = '') => {
	const res = await auth.handler(
		new Request(`http://localhost/api/auth${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: 'http://localhost', [CLIENT_IP_HEADER]: '10.1.2.3', cookie },
			body: JSON.stringify(body)
		})
	);
	// The cookies a browser would send next: each Set-Cookie's name=value, emptied ones left out.
	const set = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.filter((c) => !c.endsWith('='));
	return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null, cookie: set.join('; ') };
};

// A person in the facilitator's scope, registered by the admin (admins are gated too, so for this
// write, which is not a sensitive read, the admin needs nothing).
const person = await registerPerson(ctxFor(db, admin.actor), {
	firstName: 'Amina',
	phone: '+32 470 00 11 22',
	organisationId: org.id,
	areaId: area.id,
	contactConsent: true
});
const reads = async () =>
	(
		(await db
			.select({ n: count() })
			.from(coreAudit)
			.where(and(eq(coreAudit.entityId, person.id), eq(coreAudit.action, 'read')))) as [{ n: number }]
	)[0].n;
const problemOf = (e: unknown) => (e instanceof AppError ? `${e.status} ${e.key}` : String(e));

describe('the second-factor gate (TWO_FACTOR=required)', () => {
	it('refuses a facilitator without a second factor, before any record is read or audited', async () => {
		const before = await reads();
		const e = await getPerson(ctxFor(db, facilitator.actor), { id: person.id }).catch((x: unknown) => x);
		expect(problemOf(e)).toBe('403 access_error_second_factor_required');
		// Lists under the same sensitive permission are gated too.
		expect(problemOf(await listPeople(ctxFor(db, facilitator.actor)).catch((x: unknown) => x))).toBe('403 access_error_second_factor_required');
		expect(await reads()).toBe(before);
	});

	it('answers the API with the registered problem type', async () => {
		const res = await apiCall(facilitator.actor, { path: `/people/${person.id}` });
		expect(res.status).toBe(403);
		expect(res.body.type).toBe('https://wijkweb.example/problems/second-factor-required');
		expect(res.body.code).toBe('access_error_second_factor_required');
	});

	it('never gates a resident or a volunteer (their own reads need no second factor)', async () => {
		expect(() => requireSecondFactor(resident.actor)).not.toThrow();
		expect(() => requireSecondFactor(volunteer.actor)).not.toThrow();
		// Without the permission, the answer stays the plain 403 of a missing right, not an invitation to enrol.
		expect(problemOf(await getPerson(ctxFor(db, resident.actor), { id: person.id }).catch((x: unknown) => x))).toBe('403 error_forbidden');
	});

	it('enrols through better-auth (password, code), after which the actor reads and the read is audited', async () => {
		const signIn = await call('/sign-in/email', { email: facilitator.email, password: 'the facilitator password' });
		expect(signIn.status).toBe(200);
		const enable = await call('/two-factor/enable', { password: 'the facilitator password', issuer: 'Wijkweb' }, signIn.cookie);
		expect(enable.status).toBe(200);
		const uri = String(enable.body?.totpURI);
		expect(uri).toMatch(/^otpauth:\/\/totp\/Wijkweb:.+issuer=Wijkweb/);
		expect(uri).toContain('digits=6');
		expect(uri).toContain('period=30');
		// Not yet confirmed: still gated.
		expect((await loadActor(db, facilitator.user.id))!.secondFactor).toBe(false);
		const wrong = await call('/two-factor/verify-totp', { code: totp(secretOfUri(uri), Date.now(), 10) }, signIn.cookie);
		expect(wrong.status).toBe(401);
		expect(wrong.body?.code).toBe('INVALID_CODE');
		const right = await call('/two-factor/verify-totp', { code: totp(secretOfUri(uri)) }, signIn.cookie);
		expect(right.status).toBe(200);
		const [row] = await db.select().from(authTwoFactor).where(eq(authTwoFactor.userId, facilitator.user.id));
		expect(row?.verified).toBe(true);

		const actor = (await loadActor(db, facilitator.user.id))!;
		expect(actor.secondFactor).toBe(true);
		const before = await reads();
		expect((await getPerson(ctxFor(db, actor), { id: person.id })).id).toBe(person.id);
		expect(await reads()).toBe(before + 1);
	});

	it('then asks for the code at sign-in, and takes a recovery code once', async () => {
		const first = await call('/sign-in/email', { email: facilitator.email, password: 'the facilitator password' });
		expect(first.status).toBe(200);
		expect(first.body?.twoFactorRedirect).toBe(true);
		// No session yet: only the pending sign-in's cookie.
		expect(first.cookie).toContain('wijkweb.two_factor=');
		expect(first.cookie).not.toContain('session_token');
		const [row] = await db.select().from(authTwoFactor).where(eq(authTwoFactor.userId, facilitator.user.id));
		const { backupCodes } = await auth.api.viewBackupCodes({ body: { userId: facilitator.user.id } });
		expect(backupCodes).toHaveLength(10);
		expect(row?.backupCodes).not.toContain(backupCodes[0]); // stored encrypted
		const used = await call('/two-factor/verify-backup-code', { code: backupCodes[0] }, first.cookie);
		expect(used.status).toBe(200);
		expect(used.cookie).toContain('session_token');
		const again = await call('/sign-in/email', { email: facilitator.email, password: 'the facilitator password' });
		expect((await call('/two-factor/verify-backup-code', { code: backupCodes[0] }, again.cookie)).status).toBe(401);
	});
});

describe('what a person may do with their own second factor', () => {
	it('lets a resident enrol, make new recovery codes (the old ones stop working) and turn it off again', async () => {
		const password = 'correct horse battery';
		const { cookie } = await call('/sign-in/email', { email: resident.email, password });
		const uri = String((await call('/two-factor/enable', { password, issuer: 'Wijkweb' }, cookie)).body?.totpURI);
		const confirmed = await call('/two-factor/verify-totp', { code: totp(secretOfUri(uri)) }, cookie);
		expect(confirmed.status).toBe(200);
		// Confirming replaced the session: the browser carries the new cookie on.
		const session = confirmed.cookie;
		expect((await loadActor(db, resident.user.id))!.secondFactor).toBe(true);
		const old = (await auth.api.viewBackupCodes({ body: { userId: resident.user.id } })).backupCodes;
		const fresh = await call('/two-factor/generate-backup-codes', { password }, session);
		expect(fresh.status).toBe(200);
		const codes = fresh.body?.backupCodes as string[];
		expect(codes).toHaveLength(10);
		expect(codes).not.toContain(old[0]);
		expect((await auth.api.viewBackupCodes({ body: { userId: resident.user.id } })).backupCodes).toEqual(codes);
		expect((await call('/two-factor/disable', { password: 'not the password' }, session)).status).toBe(400);
		expect((await loadActor(db, resident.user.id))!.secondFactor).toBe(true);
		expect((await call('/two-factor/disable', { password }, session)).status).toBe(200);
		expect((await loadActor(db, resident.user.id))!.secondFactor).toBe(false);
		expect(await db.select().from(authTwoFactor).where(eq(authTwoFactor.userId, resident.user.id))).toHaveLength(0);
	});
});

describe('codes are rate limited like passwords', () => {
	it('answers 429 past SIGN_IN_RATE_LIMIT code attempts a minute from one address', async () => {
		const strict = createAuth({
			db,
			secret: 'test-secret-test-secret-test-secret-123',
			secureCookies: false,
			signInPerMinute: 3,
			mailer: { resetPassword: async () => {}, verifyEmail: async () => {}, alreadyRegistered: async () => {} }
		});
		const statuses: number[] = [];
		for (let i = 0; i < 5; i++) {
			const res = await strict.handler(
				new Request('http://localhost/api/auth/two-factor/verify-totp', {
					method: 'POST',
					headers: { 'content-type': 'application/json', origin: 'http://localhost', [CLIENT_IP_HEADER]: '10.9.8.7' },
					body: JSON.stringify({ code: '123456' })
				})
			);
			statuses.push(res.status);
		}
		// No pending sign-in behind these: refused (401) until the limit, then 429 without looking.
		expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
		expect(statuses.slice(3)).toEqual([429, 429]);
	});
});

describe('the two-factor pages refuse what they must, changing nothing', () => {
	const enabledOf = async (userId: string) => (await db.select().from(authUser).where(eq(authUser.id, userId)))[0]!.twoFactorEnabled;

	it('does not let gated staff turn their second factor off (403), even with a forged post', async () => {
		const actor = (await loadActor(db, facilitator.user.id))!;
		const res = (await outcome(
			enrolActions.disable!(formPost('/account/two-factor?/disable', { actor }, { password: 'the facilitator password' }))
		)) as {
			status: number;
			data: { message: string };
		};
		expect(res.status).toBe(403);
		expect(res.data.message).toBe('Your role needs a second factor, so it stays on.');
		expect(await enabledOf(facilitator.user.id)).toBe(true);
	});

	it('answers a malformed code with a clear message before asking better-auth', async () => {
		const res = (await outcome(challengeActions.totp!(formPost('/sign-in/two-factor?/totp', null, { code: '12ab' })))) as {
			status: number;
			data: { errors: Record<string, string> };
		};
		expect(res.status).toBe(400);
		expect(res.data.errors.code).toBe('Type the 6 digits the app shows, for example 123456.');
		const recovery = (await outcome(
			challengeActions.recovery!(formPost('/sign-in/two-factor?/recovery', null, { code: 'short' }, { locale: 'fr' }))
		)) as {
			status: number;
			data: { errors: Record<string, string> };
		};
		expect(recovery.status).toBe(400);
		expect(recovery.data.errors.code).toContain('dix lettres et chiffres');
	});

	it('asks for the password before enrolling (empty: a field error, no enrolment started)', async () => {
		const res = (await outcome(enrolActions.start!(formPost('/account/two-factor?/start', resident, { password: '' })))) as {
			status: number;
			data: { errors: Record<string, string> };
		};
		expect(res.status).toBe(400);
		expect(res.data.errors.password).toBeTruthy();
		expect(await db.select().from(authTwoFactor).where(eq(authTwoFactor.userId, resident.user.id))).toHaveLength(0);
	});
});
