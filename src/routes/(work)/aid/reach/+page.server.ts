import type { PageServerLoad } from './$types';
import { getMutualAidReach, reachAreaChoices, reachInput } from '#lib/server/aid/index.ts';
import { guard } from '#lib/server/web/index.ts';
import { translate } from '#lib/server/web/index.ts';
import { reachQuery } from './query.ts';

// The coordinator's reach figures: a GET form (area, period), the figures, two charts and downloads.
// A bad period re-renders the form with the errors next to the fields and no figures.
export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const values = reachQuery(event.url);
		const areas = (await reachAreaChoices(ctx)).map((a) => ({ id: a.id, name: a.name, city: a.city }));
		const parsed = reachInput.safeParse(values);
		if (!parsed.success) {
			const errors: Record<string, string> = {};
			for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '_')] ??= translate(issue.message, event.locals.locale);
			return { areas, values, errors, reach: null, query: null };
		}
		const reach = await getMutualAidReach(ctx, parsed.data);
		const query = new URLSearchParams({ areaId: reach.areaId ?? '', from: reach.period.from, to: reach.period.to }).toString();
		return { areas, values, errors: {} as Record<string, string>, reach, query };
	});
