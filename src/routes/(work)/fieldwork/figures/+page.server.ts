import type { PageServerLoad } from './$types';
import { figuresAreaChoices, figuresInput, getFieldworkFigures, HOME_VISIT_TARGET } from '#lib/server/fieldwork/index.ts';
import { guard, translate } from '#lib/server/web/index.ts';
import { figuresInputOf, figuresQuery } from './query.ts';

// The coordinator's fieldwork figures: a GET form (period, neighbourhood, theme, type), the key
// figures, four charts with their tables and the downloads. Bad input re-renders the form with the
// errors next to the fields and no figures; the verb decides who may see what.
export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const values = figuresQuery(event.url);
		const areas = (await figuresAreaChoices(ctx)).map((a) => ({ id: a.id, name: a.name, city: a.city }));
		const parsed = figuresInput.safeParse(figuresInputOf(values));
		if (!parsed.success) {
			const errors: Record<string, string> = {};
			for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '_')] ??= translate(issue.message, event.locals.locale);
			event.setHeaders({ 'cache-control': 'private, no-store' });
			return { areas, values, errors, figures: null, query: null, target: HOME_VISIT_TARGET };
		}
		const figures = await getFieldworkFigures(ctx, parsed.data);
		const query = new URLSearchParams({
			from: figures.period.from,
			to: figures.period.to,
			areaId: figures.areaId ?? '',
			theme: figures.theme ?? '',
			type: figures.type ?? ''
		}).toString();
		// The form shows the period used (whole months), so what is on screen is what was counted.
		return {
			areas,
			values: { ...values, from: figures.period.from, to: figures.period.to },
			errors: {} as Record<string, string>,
			figures,
			query,
			target: HOME_VISIT_TARGET
		};
	});
