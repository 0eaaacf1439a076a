import { z } from 'zod';
import { activityReachFields, getActivityReach, REACH_MAX_YEARS } from '../activities/index.ts';
import { todayInBelgium } from '../core/index.ts';
import { lastTwelveMonths } from '../stats/index.ts';
import { operation, type Operation } from './operation.ts';

// The reach of activities (issue 15, part reach), bound to its verb: the same suppressed cells as the
// page /activities/reach and its CSV/XLSX.

const cell = z
	.object({
		value: z.number().int().nullable().meta({ description: 'The count; null when suppressed.' }),
		suppressed: z.boolean()
	})
	.meta({ id: 'ActivityReachCell', description: 'A count; counts of 1 to 4 are never shown (value null, suppressed true).' });

const fields = activityReachFields.shape;

export const activityReachQuery = z.object({
	from: fields.from
		.optional()
		.meta({ description: 'First day, YYYY-MM-DD (Belgian time); moved to the first day of its month. Default: 11 months before this one.' }),
	to: fields.to.optional().meta({
		description: `Last day, YYYY-MM-DD (Belgian time); moved to the last day of its month; under ${REACH_MAX_YEARS} years after from. Default: the end of this month.`
	}),
	areaId: z.uuid('error_choice').optional().meta({ description: 'One neighbourhood; absent: every neighbourhood in the caller’s scope.' }),
	kind: z.enum(['recurring', 'one_off', 'focus_group'], 'error_choice').optional().meta({ description: 'Only activities of this kind.' }),
	activityIds: z.string().max(8000).optional().meta({
		description: 'Activity ids, comma-separated; absent: every activity (of the neighbourhood and kind). An id outside the caller’s scope is a 404.'
	})
});

export const activityReachResponse = z
	.object({
		period: z.object({ from: z.iso.date(), to: z.iso.date() }).meta({ description: 'The whole months the figures are for (Belgian time).' }),
		areaId: z.uuid().nullable(),
		kind: z.string().nullable(),
		activityIds: z.array(z.uuid()),
		figures: z.record(z.string(), cell).meta({
			description:
				'participants and families (households on the session’s date) distinct, children (under 18 by calendar year), newcomers (first attendance ever in the organisation within the period) and returning, foreignOrigin and originUnknown (country counted only under an origin purpose), vulnerable and socialServiceClients (only under the social_situation purpose), sessions held, attendances, and anonymous: the sessions’ anonymous headcount, never part of the distinct counts.'
		}),
		shares: z
			.record(z.string(), z.number().int().nullable())
			.meta({ description: 'Shares of the participants in whole percent; null when a count behind it is suppressed.' }),
		countries: z.array(z.object({ country: z.string().meta({ description: 'ISO 3166-1 alpha-2' }), people: cell })),
		monthly: z.array(
			z.object({ month: z.string().meta({ description: 'YYYY-MM, a Brussels month' }), participants: cell, newcomers: cell, returning: cell })
		),
		activities: z.array(
			z.object({ id: z.uuid(), title: z.string(), kind: z.string(), sessions: cell, attendances: cell, participants: cell, anonymous: cell })
		)
	})
	.meta({ id: 'ActivityReach' });

export const REACH_OPERATIONS: Operation[] = [
	operation({
		method: 'get',
		path: '/activities/reach',
		operationId: 'getActivityReach',
		verb: getActivityReach,
		query: activityReachQuery,
		input: ({ query }) => {
			const defaults = lastTwelveMonths(todayInBelgium());
			const { activityIds, ...rest } = query as z.infer<typeof activityReachQuery>;
			return {
				...defaults,
				...rest,
				activityIds: activityIds
					? activityIds
							.split(',')
							.map((s) => s.trim())
							.filter(Boolean)
					: []
			};
		},
		response: activityReachResponse
	})
];
