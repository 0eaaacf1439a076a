import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { authUser } from './schema.ts';

export type AccountAddress = { email: string | null; locale: string | null };

/**
 * Where and in which language to write to an account's owner, for modules that mail a person
 * (the aid nudge): they ask here instead of reading auth_user, whose other columns are not theirs.
 * A blank address counts as none.
 */
export async function accountAddress(db: Db, userId: string): Promise<AccountAddress | null> {
	const [row] = await db.select({ email: authUser.email, locale: authUser.locale }).from(authUser).where(eq(authUser.id, userId));
	return row ? { email: row.email.trim() || null, locale: row.locale ?? null } : null;
}
