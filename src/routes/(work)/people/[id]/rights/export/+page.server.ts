import type { PageServerLoad } from './$types';
import { exportPerson } from '#lib/server/rights/index.ts';
import { guard, pathId } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) => {
	const id = pathId(event);
	return guard(event, async (ctx) => ({ data: await exportPerson(ctx, { id }) }));
};
