import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { exportOwnData } from '#lib/server/rights/index.ts';
import { guard } from '#lib/server/web/index.ts';

// A person's own data as a file (art. 15 and 20), from their account page.
export const GET: RequestHandler = async (event) => {
	if (!event.locals.actor.userId) redirect(303, '/sign-in');
	const data = await guard(event, (ctx) => exportOwnData(ctx));
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': 'attachment; filename="wijkweb-my-data.json"',
			'cache-control': 'no-store'
		}
	});
};
