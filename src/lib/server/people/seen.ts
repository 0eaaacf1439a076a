import { and, inArray, lt } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { peoplePerson } from './schema.ts';

/**
 * Records that these people were met at `at` (a contact of another module): the retention job keeps
 * a person seen recently. Never moves the date back (a contact logged late for last month).
 */
export async function markSeen(db: Db, personIds: string[], at: Date): Promise<void> {
	if (!personIds.length) return;
	await db
		.update(peoplePerson)
		.set({ lastSeenAt: at })
		.where(and(inArray(peoplePerson.id, personIds), lt(peoplePerson.lastSeenAt, at)));
}
