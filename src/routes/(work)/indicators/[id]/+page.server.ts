import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { getIndicatorValues, recordIndicatorValue, recordValueInput } from '#lib/server/indicators/index.ts';
import { todayInBelgium } from '#lib/server/core/index.ts';
import { ctxOf, failFrom, guard, parseForm, pathId } from '#lib/server/web/index.ts';
import { z } from 'zod';

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => ({
		...(await getIndicatorValues(ctx, { id: pathId(event), locale: event.locals.locale })),
		today: todayInBelgium(),
		created: event.url.searchParams.has('created'),
		saved: event.url.searchParams.has('saved')
	}));

// The form's strings; the value is a number typed with a comma or a point.
const valueForm = z.object({ periodStart: z.string().max(20), value: z.string().max(30), note: z.string().max(2000).optional() });

export const actions: Actions = {
	record: async (event) => {
		const id = pathId(event);
		const parsed = await parseForm(event.request, valueForm, event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		const raw = parsed.data.value.trim().replace(',', '.');
		const input = { id, periodStart: parsed.data.periodStart, value: raw === '' ? Number.NaN : Number(raw), note: parsed.data.note ?? '' };
		try {
			await recordIndicatorValue(ctxOf(event), input as z.input<typeof recordValueInput>);
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		redirect(303, `/indicators/${id}?saved=1`);
	}
};
