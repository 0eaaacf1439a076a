import { and, eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/index.ts';
import { apiIdempotency } from './schema.ts';
import { IDEMPOTENCY_ABANDONED_SECONDS, IDEMPOTENCY_HOURS } from './config.ts';

export type StoredAnswer = { status: number; headers: Record<string, string>; body: string };
export type IdempotentRequest = { tokenId: string; key: string; method: string; path: string; bodyHash: string };
export type Claim = { kind: 'claimed'; claim: string } | { kind: 'replay'; answer: StoredAnswer } | { kind: 'reused' } | { kind: 'in-flight' };

/** Expired rows removed per claim: enough to keep up with any traffic, too few to slow a request. */
const PRUNE_BATCH = 100;

/**
 * Claims the key for this request, or says what became of an earlier request with it. The claim is an
 * INSERT … ON CONFLICT in one statement, so of many concurrent requests exactly one gets it; the
 * others see its row. An expired row, or a claim abandoned by a request that died, is taken over.
 * Expired rows of any token are pruned a batch at a time in the same statement.
 */
export async function claimKey(db: Db, req: IdempotentRequest): Promise<Claim> {
	// A row released (the request failed) between the insert and the read is simply claimed again.
	for (let attempt = 0; attempt < 3; attempt++) {
		const claim = randomUUID();
		const { rows } = await db.execute<{ claim: string }>(sql`
			WITH pruned AS (
				DELETE FROM api_idempotency WHERE (token_id, key) IN (
					SELECT token_id, key FROM api_idempotency
					WHERE expires_at <= now() AND NOT (token_id = ${req.tokenId} AND key = ${req.key})
					LIMIT ${PRUNE_BATCH} FOR UPDATE SKIP LOCKED))
			INSERT INTO api_idempotency AS i (token_id, key, method, path, body_hash, claim, expires_at)
			VALUES (${req.tokenId}, ${req.key}, ${req.method}, ${req.path}, ${req.bodyHash}, ${claim}, now() + ${IDEMPOTENCY_HOURS} * interval '1 hour')
			ON CONFLICT (token_id, key) DO UPDATE SET
				method = excluded.method, path = excluded.path, body_hash = excluded.body_hash, claim = excluded.claim,
				status = NULL, headers = NULL, body = NULL, created_at = now(), expires_at = excluded.expires_at
			WHERE i.expires_at <= now() OR (i.status IS NULL AND i.created_at < now() - ${IDEMPOTENCY_ABANDONED_SECONDS} * interval '1 second')
			RETURNING claim`);
		if (rows.length) return { kind: 'claimed', claim };
		const [held] = await db
			.select()
			.from(apiIdempotency)
			.where(and(eq(apiIdempotency.tokenId, req.tokenId), eq(apiIdempotency.key, req.key)));
		if (!held) continue;
		if (held.method !== req.method || held.path !== req.path || held.bodyHash !== req.bodyHash) return { kind: 'reused' };
		if (held.status === null) return { kind: 'in-flight' };
		return { kind: 'replay', answer: { status: held.status, headers: held.headers ?? {}, body: held.body ?? '' } };
	}
	return { kind: 'in-flight' };
}

const held = (tokenId: string, key: string, claim: string) =>
	and(eq(apiIdempotency.tokenId, tokenId), eq(apiIdempotency.key, key), eq(apiIdempotency.claim, claim));

/** Keeps the answer of the request that holds the claim, for replays until the row expires. */
export async function storeAnswer(db: Db, tokenId: string, key: string, claim: string, answer: StoredAnswer): Promise<void> {
	await db
		.update(apiIdempotency)
		.set(answer)
		.where(held(tokenId, key, claim));
}

/** Gives the key back after a failed request, so a corrected retry runs. */
export async function releaseKey(db: Db, tokenId: string, key: string, claim: string): Promise<void> {
	await db.delete(apiIdempotency).where(held(tokenId, key, claim));
}
