import { PgBoss } from 'pg-boss';
import type { Db } from '../db/index.ts';
import { deliver, pendingMailIds, setMailNotifier } from './outbox.ts';
import { smtpTransport } from './transport.ts';
import { isStopping } from '../core/index.ts';

const QUEUE = 'mail-send';

/** Starts pg-boss (its own schema in the same database) and the worker that sends mail. */
export async function startMailWorker(url: string, db: Db): Promise<() => Promise<void>> {
	const boss = new PgBoss({ connectionString: url, max: 3 });
	boss.on('error', (e) => {
		if (!isStopping()) console.error('[jobs]', e.message);
	});
	await boss.start();
	await boss.createQueue(QUEUE, { retryLimit: 5, retryDelay: 30, retryBackoff: true });
	const transport = smtpTransport();
	await boss.work<{ id: string }>(QUEUE, async (jobs) => {
		for (const job of jobs) await deliver(db, job.data.id, transport);
	});
	setMailNotifier(async (id) => {
		await boss.send(QUEUE, { id });
	});
	// Mail queued while the server was down is picked up now.
	for (const id of await pendingMailIds(db)) await boss.send(QUEUE, { id });
	return async () => {
		setMailNotifier(null);
		await boss.stop({ graceful: true, timeout: 5000 });
	};
}
