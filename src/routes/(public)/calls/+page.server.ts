import type { PageServerLoad } from './$types';
import { deadline, listCalls } from '#lib/server/funding/index.ts';
import { guard } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const now = new Date();
		const calls = await listCalls(ctx);
		return { calls: calls.map((c) => ({ ...c, deadline: deadline(c, now) })) };
	});
