import { InvalidError, belgianLocalToInstant, defineVerb } from '../core/index.ts';
import { permission } from '../access/index.ts';
import { activitiesSession } from './schema.ts';
import { createSessionInput } from './validation.ts';
import { activityFor } from './activities.ts';
import { checkPlace } from './checks.ts';

// An extra session of an activity (a make-up date, one more focus group), on the Belgian clock.

export const createSession = defineVerb({
	name: 'activities.session.create',
	summary: 'Add one session to an activity, on a day from a start time to a later end time (Europe/Brussels)',
	permission: permission('activities.activity.manage'),
	input: createSessionInput,
	writes: true,
	access: (ctx, { activityId }) => activityFor(ctx, activityId, 'activities.activity.manage'),
	run: async (ctx, input, activity) => {
		const startsAt = belgianLocalToInstant(input.day, input.startTime);
		const endsAt = belgianLocalToInstant(input.day, input.endTime);
		if (endsAt <= startsAt) throw new InvalidError({ endTime: 'act_error_session_order' });
		await checkPlace(ctx, input.placeId, activity);
		const placeId = input.placeId ?? (input.placeName ? null : activity.placeId);
		const placeName = input.placeId ? null : (input.placeName ?? activity.placeName);
		const [row] = await ctx.db
			.insert(activitiesSession)
			.values({ activityId: activity.id, organisationId: activity.organisationId, areaId: activity.areaId, startsAt, endsAt, placeId, placeName })
			.returning({ id: activitiesSession.id });
		return { id: row!.id, activityId: activity.id };
	},
	audit: (_input, out) => ({ action: 'create', entity: 'activities_session', entityId: out.id, details: { activityId: out.activityId } })
});
