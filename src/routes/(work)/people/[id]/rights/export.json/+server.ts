import type { RequestHandler } from './$types';
import { exportPerson } from '#lib/server/rights/index.ts';
import { guard, pathId } from '#lib/server/web/index.ts';

// The export as a file to keep or hand over (art. 20): the same JSON as GET /api/v1/people/{id}/export.
export const GET: RequestHandler = async (event) => {
	const id = pathId(event);
	const data = await guard(event, (ctx) => exportPerson(ctx, { id }));
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="wijkweb-person-${id}.json"`,
			'cache-control': 'no-store'
		}
	});
};
