import type { PageServerLoad } from './$types';
import { listPurposes, textIn } from '#lib/server/people/index.ts';
import { guard, pathId } from '#lib/server/web/index.ts';

export const load: PageServerLoad = (event) =>
	guard(event, async (ctx) => {
		const { organisation, purposes } = await listPurposes(ctx, { organisationId: pathId(event) });
		return {
			organisation,
			purposes: purposes.map((p) => ({ ...p, heard: textIn(p.texts, event.locals.locale) })),
			saved: event.url.searchParams.has('saved')
		};
	});
