import type { Transporter } from 'nodemailer';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { freshDatabase } from './db.ts';
import { addToOutbox, deliver } from '../../src/lib/server/mail/outbox.ts';
import { mailOutbox } from '../../src/lib/server/mail/schema.ts';

const database = await freshDatabase();

it('two workers delivering the same mail at once send it once', async () => {
	const id = await addToOutbox(database.db, { to: 'once@example.org', subject: 'Once', text: 'Only once.' });
	const sent: string[] = [];
	// Stands in for the SMTP server only (the outbox is the real database): it takes a moment, as SMTP does.
	const smtp = {
		sendMail: async (m: { to: string }) => {
			await new Promise((r) => setTimeout(r, 100));
			sent.push(m.to);
		}
	} as unknown as Transporter;
	await Promise.all([deliver(database.db, id, smtp), deliver(database.db, id, smtp)]);
	expect(sent).toEqual(['once@example.org']);
	const [row] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
	expect(row!.status).toBe('sent');
});
