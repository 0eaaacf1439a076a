import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeOrganisation } from '../factories/index.ts';
import { createToken } from '../../src/lib/server/auth/index.ts';
import { apiRateLimit } from '../../src/lib/server/api/index.ts';
import { rateLimitHandle } from '../../src/lib/server/web/rate-limit.ts';
import * as dispatcher from '../../src/routes/api/v1/[...rest]/+server.ts';

// The per-token rate limit in front of real routes, counted in the real database.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id });
const ctx = ctxFor(db, facilitator.actor);
const tokenA = await createToken(ctx, { name: 'a', scopes: ['read'] });
const tokenB = await createToken(ctx, { name: 'b', scopes: ['read'] });

const handle = rateLimitHandle({ limit: () => 6 });
type Handler = (event: never) => Response | Promise<Response>;
let routeRuns = 0;

async function get(tokenId: string | null, path = '/me', handler: Handler = dispatcher.fallback as Handler, params: Record<string, string> = {}) {
	const url = new URL(`http://localhost/api/v1${path}`);
	const event = { request: new Request(url), url, params, locals: { actor: facilitator.actor, locale: 'en', tokenId } };
	const res = await handle({
		event,
		resolve: (e: never) => {
			routeRuns++;
			return handler(e);
		}
	} as never);
	return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

/** The window is the database's wall-clock minute: start a burst that must fit in one well inside it. */
async function notNearMinuteEnd() {
	const { rows } = await db.execute<{ s: number }>(sql`SELECT extract(second FROM now())::float AS s`);
	const s = Number(rows[0]!.s);
	if (s > 55) await new Promise((r) => setTimeout(r, (60.5 - s) * 1000));
}

const remaining = (h: Headers) => Number(/;r=(\d+)/.exec(h.get('ratelimit') ?? '')?.[1]);

describe('rate limit per token', () => {
	it('reads API_RATE_LIMIT in one place, 120 by default', () => {
		expect(apiRateLimit({})).toBe(120);
		expect(apiRateLimit({ API_RATE_LIMIT: '6' })).toBe(6);
		expect(apiRateLimit({ API_RATE_LIMIT: 'lots' })).toBe(120);
		expect(apiRateLimit({ API_RATE_LIMIT: '0' })).toBe(120);
	});

	it('answers with RateLimit headers that count down, and the 7th request of 6 is a 429 with Retry-After that runs nothing', async () => {
		await notNearMinuteEnd();
		const answers = [];
		for (let i = 0; i < 6; i++) answers.push(await get(tokenA.id));
		expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
		for (const a of answers) {
			expect(a.headers.get('ratelimit-policy')).toBe('"per-token";q=6;w=60');
			expect(a.headers.get('ratelimit')).toMatch(/^"per-token";r=\d+;t=\d+$/);
		}
		expect(answers.map((a) => remaining(a.headers))).toEqual([5, 4, 3, 2, 1, 0]);
		const runsBefore = routeRuns;
		const over = await get(tokenA.id);
		expect(over.status).toBe(429);
		expect(over.body).toMatchObject({ type: 'https://wijkweb.example/problems/rate-limited', code: 'error_rate_limited', status: 429 });
		const retry = Number(over.headers.get('retry-after'));
		expect(retry).toBeGreaterThanOrEqual(1);
		expect(retry).toBeLessThanOrEqual(60);
		expect(remaining(over.headers)).toBe(0);
		expect(routeRuns).toBe(runsBefore);
	});

	it('counts each token on its own: another token is not affected', async () => {
		const other = await get(tokenB.id);
		expect(other.status).toBe(200);
		expect(remaining(other.headers)).toBe(5);
	});

	it('does not count requests without a token (the public board)', async () => {
		const open = await get(null, '/areas/none/board');
		expect(open.status).toBe(404);
		expect(open.headers.get('ratelimit')).toBeNull();
	});
});
