import { desc, eq, inArray } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Db } from '../db/index.ts';
import type { Ctx } from '../core/index.ts';
import { requirePermission } from '../access/index.ts';
import { mailOutbox } from './schema.ts';
import { mailFrom, type MailMessage } from './transport.ts';

type Notifier = (id: string) => Promise<void>;
let notify: Notifier | null = null;

/** The job queue registers itself here; without one (tests, scripts) mail is delivered inline. */
export function setMailNotifier(fn: Notifier | null) {
	notify = fn;
}

export async function queueMail(db: Db, message: MailMessage, transport: Transporter | null = null): Promise<string> {
	const id = await addToOutbox(db, message);
	await announceMail(db, [id], transport);
	return id;
}

/**
 * Puts a mail in the outbox with the caller's transaction, so it exists only if the change that
 * caused it commits. Hand the ids to `announceMail` after the commit: a job sent earlier could run
 * before the row is visible and find nothing to send.
 */
export async function addToOutbox(db: Db, message: MailMessage): Promise<string> {
	const [row] = await db.insert(mailOutbox).values(message).returning({ id: mailOutbox.id });
	return row!.id;
}

/** Tells the job queue about committed mails; without a queue (tests, scripts) they are delivered inline. */
export async function announceMail(db: Db, ids: string[], transport: Transporter | null = null): Promise<void> {
	for (const id of ids) {
		if (notify) await notify(id);
		else await deliver(db, id, transport);
	}
}

/** Sends one queued mail over SMTP, or marks it kept for the dev mailbox when there is no SMTP. */
export async function deliver(db: Db, id: string, transport: Transporter | null): Promise<void> {
	// Two app servers can each hold a job for the same mail (each queues what was pending when it
	// started): the row lock, held while sending, makes the second wait and then find it sent.
	const failure = await db.transaction(async (tx) => {
		const [mail] = await tx.select().from(mailOutbox).where(eq(mailOutbox.id, id)).for('update');
		if (!mail || mail.status === 'sent') return null;
		if (!transport) {
			await tx.update(mailOutbox).set({ status: 'kept' }).where(eq(mailOutbox.id, id));
			return null;
		}
		try {
			await transport.sendMail({ from: mailFrom(), to: mail.to, subject: mail.subject, text: mail.text });
			await tx.update(mailOutbox).set({ status: 'sent', sentAt: new Date(), error: null }).where(eq(mailOutbox.id, id));
			return null;
		} catch (e) {
			await tx
				.update(mailOutbox)
				.set({ status: 'failed', error: String(e) })
				.where(eq(mailOutbox.id, id));
			return e;
		}
	});
	if (failure) throw failure; // the queue retries
}

export async function pendingMailIds(db: Db): Promise<string[]> {
	const rows = await db
		.select({ id: mailOutbox.id })
		.from(mailOutbox)
		.where(inArray(mailOutbox.status, ['queued', 'failed']));
	return rows.map((r) => r.id);
}

/**
 * The dev mailbox: open to everybody only in a demo without SMTP (so a reset mail can be read),
 * otherwise only to admins.
 */
export async function listOutbox(ctx: Ctx, opts: { openMailbox: boolean }) {
	if (!opts.openMailbox) requirePermission(ctx.actor, 'mail.outbox.read');
	return ctx.db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(50);
}
