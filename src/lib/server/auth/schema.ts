import { bigint, boolean, integer, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

// The four tables better-auth needs (user, session, account, verification) plus its rate-limit
// table, named with our module prefix; the JS property names are the ones better-auth expects.
const ts = (name: string) => timestamp(name, { withTimezone: true });

export const authUser = pgTable('auth_user', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	email: text('email').notNull().unique(),
	emailVerified: boolean('email_verified').notNull().default(false),
	image: text('image'),
	locale: text('locale'),
	// better-auth's two-factor plugin sets it once a TOTP secret is confirmed with a code.
	twoFactorEnabled: boolean('two_factor_enabled').notNull().default(false),
	// Ours: this account must have a second factor even where TWO_FACTOR=optional (the browser tests'
	// enrolling coordinator; an instance may use it for accounts it wants held to the stricter rule).
	twoFactorRequired: boolean('two_factor_required').notNull().default(false),
	createdAt: ts('created_at').notNull().defaultNow(),
	updatedAt: ts('updated_at').notNull().defaultNow()
});

export const authSession = pgTable(
	'auth_session',
	{
		id: text('id').primaryKey(),
		expiresAt: ts('expires_at').notNull(),
		token: text('token').notNull().unique(),
		createdAt: ts('created_at').notNull().defaultNow(),
		updatedAt: ts('updated_at').notNull().defaultNow(),
		ipAddress: text('ip_address'),
		userAgent: text('user_agent'),
		userId: text('user_id')
			.notNull()
			.references(() => authUser.id, { onDelete: 'cascade' })
	},
	(t) => [index('auth_session_user_idx').on(t.userId)]
);

export const authAccount = pgTable(
	'auth_account',
	{
		id: text('id').primaryKey(),
		accountId: text('account_id').notNull(),
		providerId: text('provider_id').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => authUser.id, { onDelete: 'cascade' }),
		accessToken: text('access_token'),
		refreshToken: text('refresh_token'),
		idToken: text('id_token'),
		accessTokenExpiresAt: ts('access_token_expires_at'),
		refreshTokenExpiresAt: ts('refresh_token_expires_at'),
		scope: text('scope'),
		password: text('password'),
		createdAt: ts('created_at').notNull().defaultNow(),
		updatedAt: ts('updated_at').notNull().defaultNow()
	},
	(t) => [index('auth_account_user_idx').on(t.userId)]
);

export const authVerification = pgTable(
	'auth_verification',
	{
		id: text('id').primaryKey(),
		identifier: text('identifier').notNull(),
		value: text('value').notNull(),
		expiresAt: ts('expires_at').notNull(),
		createdAt: ts('created_at').notNull().defaultNow(),
		updatedAt: ts('updated_at').notNull().defaultNow()
	},
	(t) => [index('auth_verification_identifier_idx').on(t.identifier)]
);

export const authRateLimit = pgTable('auth_rate_limit', {
	id: text('id').primaryKey(),
	key: text('key').notNull().unique(),
	count: integer('count').notNull(),
	lastRequest: bigint('last_request', { mode: 'number' }).notNull()
});

// better-auth's two-factor plugin: the TOTP secret and the recovery codes, both encrypted with the
// auth secret by better-auth; `verified` stays false until the first code confirms the enrolment.
export const authTwoFactor = pgTable(
	'auth_two_factor',
	{
		id: text('id').primaryKey(),
		secret: text('secret').notNull(),
		backupCodes: text('backup_codes').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => authUser.id, { onDelete: 'cascade' }),
		verified: boolean('verified').notNull().default(true),
		failedVerificationCount: integer('failed_verification_count').notNull().default(0),
		lockedUntil: ts('locked_until')
	},
	// One enrolment per account: the plugin looks it up by user and replaces an unconfirmed one.
	(t) => [uniqueIndex('auth_two_factor_user_idx').on(t.userId)]
);

// Personal access tokens for /api/v1: only a SHA-256 of the token is stored (tokens are 256-bit
// random, so a slow password hash buys nothing), plus a short prefix so a person can tell them apart.
export const authApiToken = pgTable(
	'auth_api_token',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => authUser.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		prefix: text('prefix').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		scopes: text('scopes').array().notNull(),
		createdAt: ts('created_at').notNull().defaultNow(),
		lastUsedAt: ts('last_used_at'),
		expiresAt: ts('expires_at'),
		revokedAt: ts('revoked_at')
	},
	(t) => [index('auth_api_token_user_idx').on(t.userId)]
);
