import { createHash, randomUUID } from 'node:crypto';
import { and, like, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import type { Auth } from './auth.ts';
import { CLIENT_IP_HEADER } from './auth.ts';
import { authRateLimit } from './schema.ts';
import { onShutdown } from '../core/index.ts';

// A reset request is answered before anyone looks the address up: the lookup, the token and the
// mail happen after the answer, so a known and an unknown address take the same time to answer
// (they differed by ~10 ms before). The budgets below are the only work done before answering,
// and they are the same whether or not the address has an account.

/** Reset mails per address and hour, however many client addresses ask (counted in the database). */
export const RESET_MAILS_PER_ADDRESS = 3;
const HOUR = 3_600_000;

/** Reset requests per client address and minute: half the sign-in budget, at least 3 (as before). */
export const resetRequestsPerMinute = (env: Record<string, string | undefined> = process.env) =>
	Math.max(3, Math.floor(Number(env.SIGN_IN_RATE_LIMIT ?? 10) / 2));

/**
 * Counts one use of `key` in a fixed window, in better-auth's rate-limit table (its keys are
 * `ip/path`, ours carry a prefix of their own). One statement, so parallel requests in several
 * processes count exactly. True while the count is within `max`.
 */
export async function withinBudget(db: Db, key: string, max: number, windowMs: number, now = Date.now()): Promise<boolean> {
	const expired = sql`${authRateLimit.lastRequest} < ${now - windowMs}`;
	const [row] = await db
		.insert(authRateLimit)
		.values({ id: randomUUID(), key, count: 1, lastRequest: now })
		.onConflictDoUpdate({
			target: authRateLimit.key,
			set: {
				count: sql`case when ${expired} then 1 else ${authRateLimit.count} + 1 end`,
				lastRequest: sql`case when ${expired} then ${now}::bigint else ${authRateLimit.lastRequest} end`
			}
		})
		.returning({ count: authRateLimit.count });
	return row!.count <= max;
}

// Addresses are kept only as a hash: the table should not become a list of who asked for what.
const addressKey = (email: string) => `reset-address:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;

const queued = new Set<Promise<void>>();
let drainsOnStop = false;

/** Runs `work` after the current request has been answered; failures are logged, never shown. */
function afterAnswer(work: () => Promise<unknown>) {
	// Registered after the pool and the mail worker, so it runs before they stop (last in, first out).
	if (!drainsOnStop) onShutdown(settleQueuedResets);
	drainsOnStop = true;
	const job: Promise<void> = new Promise<void>((done) => setImmediate(done))
		.then(work)
		.then(
			() => {},
			(e) => console.error('[auth] password reset', e)
		)
		.finally(() => queued.delete(job));
	queued.add(job);
}

/** Waits until every reset queued so far has run (tests; a graceful stop). */
export async function settleQueuedResets(): Promise<void> {
	while (queued.size) await Promise.all([...queued]);
}

// Counters of past windows are dropped now and then, after an answer, so that asking for resets to
// many different addresses cannot grow the table without end.
let sinceSweep = 0;
const sweep = (db: Db) => db.delete(authRateLimit).where(and(like(authRateLimit.key, 'reset-%'), lt(authRateLimit.lastRequest, Date.now() - HOUR)));

export type ResetRequest = { email: string; clientIp: string; locale: string; origin: string };

/**
 * Accepts a "forgot password" request: 'rate_limited' when this client address asked too often,
 * else 'queued' — also when the address has had its mails for the hour, which is not revealed
 * either. better-auth then does the lookup and the mail, after the answer.
 */
export async function requestPasswordReset(
	db: Db,
	auth: Pick<Auth, 'handler'>,
	input: ResetRequest,
	perMinute = resetRequestsPerMinute()
): Promise<'queued' | 'rate_limited'> {
	if (++sinceSweep >= 100) {
		sinceSweep = 0;
		afterAnswer(() => sweep(db));
	}
	if (!(await withinBudget(db, `reset-ip:${input.clientIp}`, perMinute, 60_000))) return 'rate_limited';
	if (!(await withinBudget(db, addressKey(input.email), RESET_MAILS_PER_ADDRESS, HOUR))) return 'queued';
	const request = new Request(new URL('/api/auth/request-password-reset', input.origin), {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			origin: input.origin,
			[CLIENT_IP_HEADER]: input.clientIp,
			'x-wijkweb-locale': input.locale
		},
		body: JSON.stringify({ email: input.email, redirectTo: '/reset-password' })
	});
	afterAnswer(() => auth.handler(request));
	return 'queued';
}
