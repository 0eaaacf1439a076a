import type { PageServerLoad } from './$types';
import { listActivities, listActivitiesInput } from '#lib/server/activities/index.ts';
import { holds } from '#lib/server/access/index.ts';
import { listAreas } from '#lib/server/areas/index.ts';
import { guard } from '#lib/server/web/index.ts';
import { THEMES } from '#lib/themes.ts';

const FILTERS = ['areaId', 'kind', 'theme', 'public', 'from', 'to'] as const;

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const sent = Object.fromEntries(FILTERS.map((k) => [k, event.url.searchParams.get(k) ?? '']));
		const cursor = event.url.searchParams.get('cursor') ?? undefined;
		// A filter value that is not one of the choices is ignored, not an error page: the list shows unfiltered.
		const parsed = listActivitiesInput.safeParse({ ...sent, cursor });
		const [page, areas] = await Promise.all([listActivities(ctx, parsed.success ? parsed.data : {}), listAreas(ctx)]);
		const next = page.nextCursor ? `?${new URLSearchParams({ ...sent, cursor: page.nextCursor })}` : null;
		return {
			activities: page.items,
			next,
			areas,
			themes: THEMES,
			values: sent,
			canAdd: holds(ctx.actor, 'activities.activity.manage'),
			canReach: holds(ctx.actor, 'activities.reach.read')
		};
	});
