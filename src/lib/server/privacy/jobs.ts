import { PgBoss } from 'pg-boss';
import type { Db } from '../db/index.ts';
import { BELGIAN_ZONE, isStopping } from '../core/index.ts';
import { runRetention } from './retention.ts';

const QUEUE = 'privacy-retention';
/** Every night at 03:00 in Brussels (summer and winter time alike), when nobody is at office hours. */
export const RETENTION_CRON = '0 3 * * *';

/**
 * Starts the daily retention job. The schedule lives in pg-boss's tables, so however many servers
 * share the database, one job is created per day; the queue's `singleton` policy lets only one run
 * at a time, and a run is one transaction, so a retry after a crash starts from a clean state.
 */
export async function startRetentionWorker(url: string, db: Db): Promise<() => Promise<void>> {
	const boss = new PgBoss({ connectionString: url, max: 2 });
	boss.on('error', (e) => {
		if (!isStopping()) console.error('[retention]', e.message);
	});
	await boss.start();
	await boss.createQueue(QUEUE, { policy: 'singleton', retryLimit: 3, retryDelay: 600 });
	await boss.schedule(QUEUE, RETENTION_CRON, null, { tz: BELGIAN_ZONE });
	await boss.work(QUEUE, async () => {
		const counts = await runRetention(db, new Date());
		console.log(`[retention] ${JSON.stringify(counts)}`);
	});
	return async () => {
		await boss.stop({ graceful: true, timeout: 5000 });
	};
}
