import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { exportOwnData } from '#lib/server/rights/index.ts';
import { guard } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) => {
	if (!event.locals.actor.userId) redirect(303, '/sign-in');
	return guard(event, async (ctx) => ({ data: await exportOwnData(ctx) }));
};
