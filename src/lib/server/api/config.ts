// The API's limits, read in this one place. API_RATE_LIMIT is also what the two-server CI check sets.

export const DEFAULT_RATE_LIMIT = 120;
/** The fixed window of the rate limit, in seconds. */
export const RATE_WINDOW_SECONDS = 60;
/** How long a create's answer is kept for a retry with the same Idempotency-Key. */
export const IDEMPOTENCY_HOURS = 24;
/**
 * A claim older than this without an answer belongs to a request that died (process killed, database
 * gone): another request with the key may take it over. Far above any request's run time.
 */
export const IDEMPOTENCY_ABANDONED_SECONDS = 120;

/** Requests per token per minute: API_RATE_LIMIT when it is a positive whole number, else 120. */
export function apiRateLimit(env: Record<string, string | undefined> = process.env): number {
	const n = Number(env.API_RATE_LIMIT);
	return Number.isInteger(n) && n > 0 ? n : DEFAULT_RATE_LIMIT;
}
