import type { PageServerLoad } from './$types';
import { listErasureRequests } from '#lib/server/rights/index.ts';
import { guard } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const page = await listErasureRequests(ctx, { limit: 50, cursor: event.url.searchParams.get('cursor') ?? undefined });
		return { requests: page.items, nextCursor: page.nextCursor };
	});
