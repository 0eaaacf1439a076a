import type { Db } from '../db/index.ts';
import { erasePersonData } from '../rights/index.ts';

/**
 * The retention job anonymises with the same erasure a coordinator carries out (rights/erase.ts): every
 * personal field, note and free text goes, what the figures count stays, so every published figure
 * stays the same. `now` is the run's clock: the job's tests run it days ahead, and the record's
 * erased_at says when the job, not the database clock, decided. The reason goes to the run's audit
 * row (one per run, with the counts), not to a row per person.
 */
export async function anonymisePerson(tx: Db, personId: string, reason: string, now: Date): Promise<void> {
	await erasePersonData(tx, personId, reason, null, now);
}
