import { eq, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { coreSetting } from './schema.ts';
import type { Db } from '../db/index.ts';

/** The auth secret: AUTH_SECRET when set, else one generated once and kept in the database. */
export async function authSecret(db: Db): Promise<string> {
	const fromEnv = process.env.AUTH_SECRET ?? process.env.BETTER_AUTH_SECRET;
	if (fromEnv) return fromEnv;
	await db
		.insert(coreSetting)
		.values({ key: 'auth_secret', value: randomBytes(32).toString('base64url') })
		.onConflictDoNothing();
	const [row] = await db.select().from(coreSetting).where(eq(coreSetting.key, 'auth_secret'));
	return row!.value;
}

export async function getSetting(db: Db, key: string): Promise<string | null> {
	const [row] = await db.select().from(coreSetting).where(eq(coreSetting.key, key));
	return row?.value ?? null;
}

export async function setSetting(db: Db, key: string, value: string): Promise<void> {
	await db
		.insert(coreSetting)
		.values({ key, value })
		.onConflictDoUpdate({ target: coreSetting.key, set: { value, updatedAt: sql`now()` } });
}
