import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Both tables are keyed by the API token (auth_api_token.id). The foreign key (ON DELETE CASCADE) is
// written by hand in the migration, so this module does not import another module's schema.

/**
 * A create made with an Idempotency-Key: claimed before the request runs (status null), then holding
 * the answer to replay for 24 hours. `claim` tells the request that holds the row from one that took
 * an abandoned claim over.
 */
export const apiIdempotency = pgTable(
	'api_idempotency',
	{
		tokenId: uuid('token_id').notNull(),
		key: text('key').notNull(),
		method: text('method').notNull(),
		path: text('path').notNull(),
		bodyHash: text('body_hash').notNull(),
		claim: uuid('claim').notNull(),
		status: integer('status'),
		headers: jsonb('headers').$type<Record<string, string>>(),
		body: text('body'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [primaryKey({ columns: [t.tokenId, t.key] }), index('api_idempotency_expires_idx').on(t.expiresAt)]
);

/** Requests per token in the current fixed one-minute window (one row per token, reset as a new window starts). */
export const apiRateLimit = pgTable('api_rate_limit', {
	tokenId: uuid('token_id').primaryKey(),
	windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
	count: integer('count').notNull()
});
