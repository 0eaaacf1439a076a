import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { peoplePerson } from '../people/index.ts';

/** Put in a record's first name (required) when it is anonymised: no name, and plainly not one. */
export const ANONYMISED_NAME = '—';

/**
 * TODO(rights): the seam for the erasure of engineer G's rights/ module. Until its erasePerson core
 * function is on main, this clears the personal fields of people_person only (names, e-mail, phone,
 * birth year, channel, country of origin) and marks the row erased; the lead replaces the body with
 * that function at merge, so notes and free texts elsewhere are erased too. What the figures count
 * (area, age band, student, languages, origin group — the job clears that one itself when no origin
 * purpose keeps it) stays, so every published figure stays the same. The reason goes to the run's
 * audit row (one per run, with the counts), not to a row per person.
 */
export async function anonymisePerson(tx: Db, personId: string, _reason: string, now: Date): Promise<void> {
	await tx
		.update(peoplePerson)
		.set({
			firstName: ANONYMISED_NAME,
			lastName: null,
			email: null,
			phone: null,
			birthYear: null,
			preferredChannel: null,
			countryOfOrigin: null,
			erasedAt: now,
			updatedAt: now
		})
		.where(eq(peoplePerson.id, personId));
}
