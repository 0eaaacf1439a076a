import type { RequestHandler } from './$types';
import { sql } from 'drizzle-orm';
import { db } from '#lib/server/web/index.ts';

// For load balancers and monitoring: 200 with the database's state, 503 when it does not answer.
export const GET: RequestHandler = async () => {
	const started = performance.now();
	try {
		const rows = await db().execute<{ migrations: number }>(sql`select count(*)::int as migrations from drizzle.__drizzle_migrations`);
		return Response.json(
			{
				status: 'ok',
				database: { status: 'up', latencyMs: Math.round((performance.now() - started) * 10) / 10, migrations: rows.rows[0]?.migrations ?? 0 }
			},
			{ headers: { 'cache-control': 'no-store' } }
		);
	} catch {
		return Response.json({ status: 'degraded', database: { status: 'down' } }, { status: 503, headers: { 'cache-control': 'no-store' } });
	}
};
