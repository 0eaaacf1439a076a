import { describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { createToken } from '../../src/lib/server/auth/index.ts';
import { registerPerson, registerPersonInput } from '../../src/lib/server/people/index.ts';
import { aidNeed } from '../../src/lib/server/aid/schema.ts';
import { apiIdempotency } from '../../src/lib/server/api/schema.ts';
import { idempotencyHandle } from '../../src/lib/server/web/idempotency.ts';
import * as needs from '../../src/routes/api/v1/aid/needs/+server.ts';
import * as withdraw from '../../src/routes/api/v1/aid/needs/[id]/withdraw/+server.ts';

// The Idempotency-Key handle in front of the real create routes, on a real database: a create
// retried on a bad mobile connection makes one record, however often and however fast it is sent.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const area = await makeArea(db, 'Rabot');
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const ctx = ctxFor(db, facilitator.actor);
const tokenA = await createToken(ctx, { name: 'phone', scopes: ['read', 'write'] });
const tokenB = await createToken(ctx, { name: 'laptop', scopes: ['read', 'write'] });
const person = await registerPerson(
	ctx,
	registerPersonInput.parse({ firstName: 'Georgi', organisationId: org.id, areaId: area.id, contactConsent: 'on', languages: 'bg' })
);

const handle = idempotencyHandle();
type Handler = (event: never) => Response | Promise<Response>;
type Send = { path?: string; body?: unknown; raw?: string; key?: string | null; token?: string; handler?: Handler; params?: Record<string, string> };

/** A POST through the handle to a route handler, as Kit would run it for the token's request. */
async function send({ path = '/aid/needs', body, raw, key = null, token = tokenA.id, handler = needs.POST as Handler, params = {} }: Send) {
	const url = new URL(`http://localhost/api/v1${path}`);
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (key !== null) headers['idempotency-key'] = key;
	const request = new Request(url, { method: 'POST', headers, body: raw ?? JSON.stringify(body) });
	const event = { request, url, params, locals: { actor: facilitator.actor, locale: 'en', tokenId: token } };
	const res = await handle({ event, resolve: (e: never) => handler(e) } as never);
	const text = await res.text();
	return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

const need = (title: string) => ({ personId: person.id, category: 'errands', title, areaId: area.id, windows: [{ day: 2, start: 540, end: 720 }] });
const needsTitled = async (title: string) =>
	((await db.select({ n: count() }).from(aidNeed).where(eq(aidNeed.title, title))) as [{ n: number }])[0].n;

describe('Idempotency-Key on creates', () => {
	it('replays the first answer for the same key and body: the same id, one record, marked as replayed', async () => {
		const first = await send({ body: need('Shopping once'), key: 'k-replay-1' });
		expect(first.status).toBe(201);
		expect(first.headers.get('idempotency-replayed')).toBeNull();
		const again = await send({ body: need('Shopping once'), key: 'k-replay-1' });
		expect(again.status).toBe(201);
		expect(again.body).toEqual(first.body);
		expect(again.headers.get('idempotency-replayed')).toBe('true');
		expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
		expect(await needsTitled('Shopping once')).toBe(1);
	});

	it('refuses the key with another body or on another path (422 idempotency-key-reused) and creates nothing', async () => {
		const first = await send({ body: need('Groceries'), key: 'k-reused' });
		expect(first.status).toBe(201);
		const other = await send({ body: need('Groceries, but another'), key: 'k-reused' });
		expect(other.status).toBe(422);
		expect(other.body).toMatchObject({ type: 'https://wijkweb.example/problems/idempotency-key-reused', code: 'error_idempotency_key_reused' });
		const id = String(first.body.id);
		const elsewhere = await send({
			path: `/aid/needs/${id}/withdraw`,
			body: need('Groceries'),
			key: 'k-reused',
			handler: withdraw.POST as Handler,
			params: { id }
		});
		expect(elsewhere.status).toBe(422);
		expect(await needsTitled('Groceries, but another')).toBe(0);
		expect(await needsTitled('Groceries')).toBe(1);
	});

	it('runs the create exactly once for 20 concurrent requests with one key', async () => {
		const all = await Promise.all(Array.from({ length: 20 }, () => send({ body: need('Twenty at once'), key: 'k-concurrent' })));
		expect(await needsTitled('Twenty at once')).toBe(1);
		const made = all.filter((r) => r.status === 201);
		expect(made.length).toBeGreaterThanOrEqual(1);
		// The others either waited for nothing and got 409 (retry), or came after it and got the replay.
		for (const r of all.filter((x) => x.status !== 201)) {
			expect(r.status).toBe(409);
			expect(r.body).toMatchObject({ type: 'https://wijkweb.example/problems/idempotency-key-in-flight' });
			expect(r.headers.get('retry-after')).toBe('1');
		}
		expect(new Set(made.map((r) => r.body.id)).size).toBe(1);
	});

	it('keeps keys per token: the same key on another token is another request', async () => {
		const a = await send({ body: need('Per token'), key: 'k-shared', token: tokenA.id });
		const b = await send({ body: need('Per token'), key: 'k-shared', token: tokenB.id });
		expect([a.status, b.status]).toEqual([201, 201]);
		expect(b.headers.get('idempotency-replayed')).toBeNull();
		expect(b.body.id).not.toBe(a.body.id);
		expect(await needsTitled('Per token')).toBe(2);
	});

	it('changes nothing without the header: two sends are two records', async () => {
		await send({ body: need('No key') });
		await send({ body: need('No key') });
		expect(await needsTitled('No key')).toBe(2);
		expect(await db.$count(apiIdempotency, eq(apiIdempotency.key, ''))).toBe(0);
	});

	it('does not keep a failed request, so the corrected retry with the same key runs', async () => {
		const bad = await send({ body: { ...need('Fixed later'), category: 'nonsense' }, key: 'k-retry' });
		expect(bad.status).toBe(422);
		// The retry has another body: that is allowed, since nothing was kept for the failure.
		const fixed = await send({ body: need('Fixed later'), key: 'k-retry' });
		expect(fixed.status).toBe(201);
		expect(await needsTitled('Fixed later')).toBe(1);
	});

	it('refuses a key that is empty, too long or not visible ASCII (422 with the header as the field), creating nothing', async () => {
		for (const key of ['', 'x'.repeat(256), 'clé', 'two words']) {
			const r = await send({ body: need('Bad key'), key });
			expect(r.status, JSON.stringify(key)).toBe(422);
			expect(r.body).toMatchObject({ code: 'error_invalid', errors: { 'Idempotency-Key': expect.any(String) } });
		}
		expect((await send({ body: need('Long key ok'), key: 'x'.repeat(255) })).status).toBe(201);
		expect(await needsTitled('Bad key')).toBe(0);
	});

	it('ignores an expired answer and prunes expired rows', async () => {
		const expired = eq(apiIdempotency.key, 'k-expired');
		const expire = () =>
			db
				.update(apiIdempotency)
				.set({ expiresAt: sql`now() - interval '1 second'` })
				.where(expired);
		const first = await send({ body: need('Day later'), key: 'k-expired' });
		expect(await db.$count(apiIdempotency, expired)).toBe(1);
		await expire();
		const later = await send({ body: need('Day later'), key: 'k-expired' });
		expect(later.status).toBe(201);
		expect(later.headers.get('idempotency-replayed')).toBeNull();
		expect(later.body.id).not.toBe(first.body.id);
		expect(await needsTitled('Day later')).toBe(2);
		await expire();
		await send({ body: need('Prune trigger'), key: 'k-prune' });
		expect(await db.$count(apiIdempotency, expired)).toBe(0);
		expect(await db.$count(apiIdempotency, eq(apiIdempotency.key, 'k-prune'))).toBe(1);
	});
});
