import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { Ctx } from '../core/index.ts';
import { inTransaction } from '../core/index.ts';
import { audit } from '../core/index.ts';
import { NotFoundError } from '../core/index.ts';
import { requirePermission } from '../access/index.ts';
import { PERMISSION_NAMES, PERMISSIONS } from '../access/index.ts';
import { ROLES } from '../access/index.ts';
import type { Actor } from '../core/index.ts';
import type { Db } from '../db/index.ts';
import { authApiToken } from './schema.ts';

export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

// The API is for work: a role uses it when the registry gives it a permission beyond what every
// resident has (their own needs and offers, their account, the public areas). Today that is
// facilitator, outreach, coordinator, officer, admin and jury. The account page offers tokens only to
// them; the verbs themselves stay open to every account (a resident's app may answer a proposal
// over the API), so this decides what a page shows, not what an account may do.
const residentOwn = new Set<string>(
	PERMISSION_NAMES.filter((p) => (PERMISSIONS[p].roles as readonly string[]).includes('resident') || 'signedIn' in PERMISSIONS[p])
);
export const API_ROLES: readonly string[] = ROLES.filter((role) =>
	PERMISSION_NAMES.some((p) => !residentOwn.has(p) && (PERMISSIONS[p].roles as readonly string[]).includes(role))
);

/** Does any of the actor's roles do work over the API? */
export const usesApi = (actor: Actor) => actor.grants.some((g) => API_ROLES.includes(g.role));

/** Creates a personal access token for the actor; the plain token is returned once, never stored. */
export async function createToken(ctx: Ctx, input: { name: string; scopes: TokenScope[]; expiresInDays?: number | null }) {
	requirePermission(ctx.actor, 'account.self');
	const token = `ww_${randomBytes(32).toString('base64url')}`;
	return inTransaction(ctx, async (t) => {
		const [row] = await t.db
			.insert(authApiToken)
			.values({
				userId: ctx.actor.userId!,
				name: input.name,
				prefix: token.slice(0, 10),
				tokenHash: hash(token),
				scopes: input.scopes,
				expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null
			})
			.returning({ id: authApiToken.id, name: authApiToken.name, prefix: authApiToken.prefix });
		await audit(t, { action: 'create', entity: 'auth_api_token', entityId: row!.id });
		return { ...row!, token };
	});
}

export async function listTokens(ctx: Ctx) {
	requirePermission(ctx.actor, 'account.self');
	return ctx.db
		.select({
			id: authApiToken.id,
			name: authApiToken.name,
			prefix: authApiToken.prefix,
			scopes: authApiToken.scopes,
			createdAt: authApiToken.createdAt,
			lastUsedAt: authApiToken.lastUsedAt,
			expiresAt: authApiToken.expiresAt,
			revokedAt: authApiToken.revokedAt
		})
		.from(authApiToken)
		.where(eq(authApiToken.userId, ctx.actor.userId!))
		.orderBy(desc(authApiToken.createdAt));
}

export async function revokeToken(ctx: Ctx, id: string) {
	requirePermission(ctx.actor, 'account.self');
	return inTransaction(ctx, async (t) => {
		const [row] = await t.db
			.update(authApiToken)
			.set({ revokedAt: new Date() })
			.where(and(eq(authApiToken.id, id), eq(authApiToken.userId, ctx.actor.userId!), isNull(authApiToken.revokedAt)))
			.returning({ id: authApiToken.id });
		if (!row) throw new NotFoundError();
		await audit(t, { action: 'revoke', entity: 'auth_api_token', entityId: row.id });
		return row;
	});
}

/** Resolves a bearer token to its id, user and scopes, or null when unknown, revoked or expired. */
export async function verifyToken(db: Db, token: string): Promise<{ id: string; userId: string; scopes: string[] } | null> {
	if (!/^ww_[A-Za-z0-9_-]{43}$/.test(token)) return null;
	const [row] = await db
		.update(authApiToken)
		.set({ lastUsedAt: new Date() })
		.where(
			and(
				eq(authApiToken.tokenHash, hash(token)),
				isNull(authApiToken.revokedAt),
				or(isNull(authApiToken.expiresAt), gt(authApiToken.expiresAt, new Date()))
			)
		)
		.returning({ id: authApiToken.id, userId: authApiToken.userId, scopes: authApiToken.scopes });
	return row ?? null;
}
