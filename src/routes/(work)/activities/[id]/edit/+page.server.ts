import type { Actions, PageServerLoad } from './$types';
import { error, redirect } from '@sveltejs/kit';
import { activityChoices, activityFieldsInput, getActivity, updateActivity } from '#lib/server/activities/index.ts';
import { can } from '#lib/server/access/index.ts';
import { ctxOf, failFrom, guard, parseForm, pathId, translate } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) => {
	const id = pathId(event);
	return guard(event, async (ctx) => {
		const activity = await getActivity(ctx, { id });
		if (!can(ctx.actor, 'activities.activity.manage', activity)) error(403, translate('error_forbidden', event.locals.locale));
		const choices = await activityChoices(ctx);
		// Picked dates are the sessions' days (the series keeps no list of them).
		const dates = activity.recurrence === 'dates' ? [...new Set(activity.sessions.filter((s) => !s.cancelledAt).map((s) => s.day))] : [];
		return {
			activity,
			places: choices.places.filter((p) => p.areaId === activity.areaId || activity.areaId === null),
			organisers: choices.organisers.filter((o) => o.organisationId === activity.organisationId),
			values: {
				title: activity.title,
				description: activity.description ?? '',
				placeId: activity.placeId ?? '',
				placeName: activity.placeId ? '' : (activity.placeName ?? ''),
				organiserUserId: activity.organiserUserId ?? '',
				recurrence: activity.recurrence ?? '',
				startsOn: activity.startsOn,
				endsOn: activity.endsOn ?? '',
				startTime: activity.startTime ?? '',
				durationMinutes: String(activity.durationMinutes ?? ''),
				dates: dates.join(','),
				capacity: String(activity.capacity),
				themes: activity.themes,
				targetGroups: activity.targetGroups,
				public: activity.public ? 'on' : ''
			}
		};
	});
};

export const actions: Actions = {
	default: async (event) => {
		const id = pathId(event);
		const parsed = await parseForm(event.request, activityFieldsInput, event.locals.locale, ['themes', 'targetGroups']);
		if (!parsed.ok) return parsed.failure;
		try {
			await updateActivity(ctxOf(event), { ...parsed.data, id });
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		redirect(303, `/activities/${id}`);
	}
};
