import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id } from '../db/columns.ts';
import { authUser } from '../auth/schema.ts';
import { peoplePerson } from '../people/schema.ts';

/** What became of a request: carried out (erased, or archived by a public body), or refused with a reason. */
export const ERASURE_OUTCOMES = ['erased', 'archived', 'refused'] as const;

// A resident's request to erase their data (art. 17), asked from their account page. Coordinators of
// the person's organisation carry it out or refuse it; the row stays as the record that the right was
// exercised and answered (it holds no personal value besides the person's id).
export const rightsErasureRequest = pgTable(
	'rights_erasure_request',
	{
		id: id(),
		personId: uuid('person_id')
			.notNull()
			.references(() => peoplePerson.id, { onDelete: 'cascade' }),
		askedAt: timestamp('asked_at', { withTimezone: true }).notNull().defaultNow(),
		handledAt: timestamp('handled_at', { withTimezone: true }),
		handledByUserId: text('handled_by_user_id').references(() => authUser.id, { onDelete: 'set null' }),
		outcome: text('outcome', { enum: ERASURE_OUTCOMES }),
		// Why it was refused (told to the person), or the erasure's reason.
		outcomeReason: text('outcome_reason')
	},
	(t) => [
		// One open request per person: asking twice is the same request.
		uniqueIndex('rights_erasure_request_open')
			.on(t.personId)
			.where(sql`${t.handledAt} is null`),
		index('rights_erasure_request_asked_idx').on(t.askedAt)
	]
);
