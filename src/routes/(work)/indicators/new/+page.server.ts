import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import {
	defineIndicator,
	indicatorChoices,
	indicatorFormFields,
	indicatorFromForm,
	periodStartOf,
	TEMPLATES,
	templateOf
} from '#lib/server/indicators/index.ts';
import { addDays, todayInBelgium } from '#lib/server/core/index.ts';
import { ctxOf, failFrom, guard, parseForm } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const choices = await indicatorChoices(ctx);
		const template = templateOf(event.url.searchParams.get('template'));
		const year = todayInBelgium().slice(0, 4);
		// This calendar year; for weeks, the 52 weeks from the Monday of the week holding 1 January.
		const monday = periodStartOf(`${year}-01-01`, 'week');
		const range =
			template?.periodType === 'week'
				? { startsOn: monday, endsOn: addDays(monday, 52 * 7 - 1) }
				: { startsOn: `${year}-01-01`, endsOn: `${year}-12-31` };
		return { choices, templates: TEMPLATES.map((t) => ({ code: t.code, asks: t.asks ?? null })), template: template ?? null, range };
	});

export const actions: Actions = {
	default: async (event) => {
		const parsed = await parseForm(event.request, indicatorFormFields, event.locals.locale, ['activityIds']);
		if (!parsed.ok) return parsed.failure;
		let id: string;
		try {
			({ id } = await defineIndicator(ctxOf(event), indicatorFromForm(parsed.data) as never));
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		redirect(303, `/indicators/${id}?created=1`);
	}
};
