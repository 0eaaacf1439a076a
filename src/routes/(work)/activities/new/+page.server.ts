import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { activityChoices, createActivity, createActivityInput } from '#lib/server/activities/index.ts';
import { addMonths, todayInBelgium } from '#lib/server/core/index.ts';
import { ctxOf, failFrom, guard, parseForm } from '#lib/server/web/index.ts';

const KINDS = ['recurring', 'one_off', 'focus_group'];

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		// The verb refuses who may not make activities (403) before anything is shown.
		const choices = await activityChoices(ctx);
		const sent = event.url.searchParams.get('kind') ?? '';
		const kind = KINDS.includes(sent) ? sent : null;
		const today = todayInBelgium();
		// A sensible start: every week, two hours, from today for three months.
		const defaults = {
			organisationId: choices.organisations[0]?.id ?? '',
			areaId: choices.areaRequired ? (choices.areas[0]?.id ?? '') : '',
			recurrence: 'weekly',
			startsOn: today,
			endsOn: addMonths(today, 3),
			startTime: '14:00',
			durationMinutes: '120',
			capacity: '0',
			organiserUserId: ctx.actor.userId ?? ''
		};
		return { kind, choices, defaults, kindError: sent && !kind };
	});

export const actions: Actions = {
	default: async (event) => {
		const parsed = await parseForm(event.request, createActivityInput, event.locals.locale, ['themes', 'targetGroups']);
		if (!parsed.ok) return parsed.failure;
		let id: string;
		try {
			({ id } = await createActivity(ctxOf(event), parsed.data));
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		redirect(303, `/activities/${id}?created=1`);
	}
};
