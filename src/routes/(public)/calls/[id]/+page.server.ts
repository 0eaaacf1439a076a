import type { PageServerLoad } from './$types';
import { deadline, getCall } from '#lib/server/funding/index.ts';
import { guard, pathId } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const call = await getCall(ctx, { id: pathId(event) });
		return { call, deadline: deadline(call, new Date()) };
	});
