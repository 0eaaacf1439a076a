import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Every mail passes through here; without SMTP it stays here and the dev mailbox page shows it.
export const mailOutbox = pgTable('mail_outbox', {
	id: uuid('id').primaryKey().defaultRandom(),
	to: text('to').notNull(),
	subject: text('subject').notNull(),
	text: text('text').notNull(),
	status: text('status', { enum: ['queued', 'sent', 'kept', 'failed'] })
		.notNull()
		.default('queued'),
	error: text('error'),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	sentAt: timestamp('sent_at', { withTimezone: true })
});
