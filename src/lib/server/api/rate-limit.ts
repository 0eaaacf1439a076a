import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { RATE_WINDOW_SECONDS } from './config.ts';

export type RateCount = { count: number; resetSeconds: number };

/**
 * Counts one request of a token in the current fixed window and says how many it made in it and in how
 * many seconds the window ends. One atomic statement on one row per token, timed by the database's
 * clock, so several app servers share the count and never disagree on the window.
 */
export async function countRequest(db: Db, tokenId: string): Promise<RateCount> {
	const window = sql.raw(String(RATE_WINDOW_SECONDS));
	const { rows } = await db.execute<{ count: number; reset: number }>(sql`
		INSERT INTO api_rate_limit AS r (token_id, window_start, count)
		VALUES (${tokenId}, to_timestamp(floor(extract(epoch FROM now()) / ${window}) * ${window}), 1)
		ON CONFLICT (token_id) DO UPDATE SET
			-- A request whose transaction started before the window turned never moves the window back.
			count = CASE WHEN excluded.window_start > r.window_start THEN 1 ELSE r.count + 1 END,
			window_start = GREATEST(r.window_start, excluded.window_start)
		RETURNING count, GREATEST(1, ceil(extract(epoch FROM (window_start + ${window} * interval '1 second' - now()))))::int AS reset`);
	const row = rows[0]!;
	return { count: Number(row.count), resetSeconds: Number(row.reset) };
}
