import type { PageServerLoad } from './$types';
import { activityReachChoices, activityReachInput, getActivityReach } from '#lib/server/activities/index.ts';
import { guard, translate } from '#lib/server/web/index.ts';
import { queryString, reachQuery } from './query.ts';

// The reach of activities: a GET form (period, neighbourhood, kind, activities), the figures, two
// charts and the downloads. A bad period re-renders the form with the errors beside the fields.
export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const values = reachQuery(event.url);
		const choices = await activityReachChoices(ctx);
		const parsed = activityReachInput.safeParse(values);
		if (!parsed.success) {
			const errors: Record<string, string> = {};
			for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '_')] ??= translate(issue.message, event.locals.locale);
			return { ...choices, values, errors, reach: null, query: null };
		}
		const reach = await getActivityReach(ctx, parsed.data);
		return { ...choices, values, errors: {} as Record<string, string>, reach, query: queryString(reach) };
	});
