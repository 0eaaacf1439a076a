import type { PageServerLoad } from './$types';
import { getNetwork, getNetworkInput, networkAreaChoices } from '#lib/server/network/index.ts';
import { InvalidError } from '#lib/server/core/index.ts';
import { guard, translate } from '#lib/server/web/index.ts';
import { mapValues, queryOf } from './query.ts';

// The network map: a GET form (neighbourhood or caseload, tie type, theme, period, names), the map and
// its two lists. Nothing chosen yet: the form alone. Bad input re-renders the form with the errors
// next to the fields and no map.
export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const values = mapValues(event.url);
		const areas = await networkAreaChoices(ctx);
		const none = { areas, values, errors: {} as Record<string, string>, map: null, query: '' };
		if (!values.area && !values.caseload) return none;
		const parsed = getNetworkInput.safeParse(values);
		if (!parsed.success) {
			const errors: Record<string, string> = {};
			for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '_')] ??= translate(issue.message, event.locals.locale);
			return { ...none, errors };
		}
		try {
			const map = await getNetwork(ctx, values);
			return { ...none, map, query: queryOf(values) };
		} catch (e) {
			// A neighbourhood that does not exist (a changed link): its field's error, like any bad input.
			if (!(e instanceof InvalidError)) throw e;
			return { ...none, errors: Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, translate(v, event.locals.locale)])) };
		}
	});
