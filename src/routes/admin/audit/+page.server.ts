import type { PageServerLoad } from './$types';
import { listAudit } from '#lib/server/access/index.ts';
import { guard } from '#lib/server/web/index.ts';

// 200 entries a page; the link under the table goes on from the last one shown.
export const load: PageServerLoad = (event) =>
	guard(event, async (ctx) => {
		const page = await listAudit(ctx, { limit: 200, cursor: event.url.searchParams.get('cursor') ?? undefined });
		return { rows: page.items, nextCursor: page.nextCursor };
	});
