import { z } from 'zod';
import {
	ACTIVITY_KINDS,
	REGISTRATION_STATUSES,
	activityFieldsInput,
	createActivity,
	createActivityInput,
	createSession,
	createSessionInput,
	listActivities,
	listActivitiesQuery,
	registerForActivity,
	updateActivity
} from '../activities/index.ts';
import { THEMES } from '../../themes.ts';
import { operation, type Operation } from './operation.ts';

// Activities (issue 15), part activities: records, sessions, registrations. The requests are the
// verbs' own inputs (one shape for the forms and the API); ids of the path are not repeated in the body.

const activityCreated = z
	.object({ id: z.uuid(), sessions: z.int().describe('Sessions laid out (one for a one-off event or a focus group).') })
	.meta({ id: 'ActivityCreated' });

const activityChanged = z
	.object({
		id: z.uuid(),
		moved: z.int().describe('Sessions to come moved to the new schedule (their registrations stay).'),
		added: z.int().describe('Sessions to come added.'),
		removed: z.int().describe('Sessions to come removed (nobody attended, not closed, nobody registered for them alone).'),
		cancelled: z.int().describe('Sessions to come marked cancelled because someone registered for them alone.')
	})
	.meta({ id: 'ActivityChanged', description: 'Past sessions, and sessions someone attended or the organiser closed, are never changed.' });

const activitySummary = z.object({
	id: z.uuid(),
	organisationId: z.uuid(),
	areaId: z.uuid().nullable(),
	area: z.string().nullable(),
	kind: z.enum(ACTIVITY_KINDS),
	title: z.string(),
	themes: z.array(z.enum(THEMES)),
	public: z.boolean(),
	capacity: z.int().describe('0: unlimited.'),
	startsOn: z.iso.date(),
	endsOn: z.iso.date().nullable(),
	nextSessionAt: z.iso.datetime({ offset: true }).nullable().describe('The next session not cancelled, if any.'),
	sessions: z.int().describe('Sessions not cancelled.')
});

const activityList = z
	.object({ items: z.array(activitySummary), nextCursor: z.string().nullable() })
	.meta({ id: 'ActivityList', description: 'Activities in the caller’s scope, newest first by first day.' });

type Listed = Awaited<ReturnType<typeof listActivities>>;

const sessionCreated = z.object({ id: z.uuid(), activityId: z.uuid() }).meta({ id: 'SessionCreated' });

const registrationRequest = z
	.object({
		sessionId: z.uuid('error_choice').nullish().describe('One session; absent: the whole series.'),
		personId: z.uuid('error_choice').nullish().describe('A person of the activity’s organisation the caller may read.'),
		householdId: z.uuid('error_choice').nullish().describe('Or a household: one registration per current member.')
	})
	.meta({ id: 'RegistrationRequest', description: 'Exactly one of personId and householdId.' });

const registered = z
	.object({
		activityId: z.uuid(),
		registrations: z.array(
			z.object({
				id: z.uuid(),
				personId: z.uuid().nullable(),
				status: z.enum(REGISTRATION_STATUSES).describe('registered, or waiting when the capacity is reached (the waiting list, in order).')
			})
		)
	})
	.meta({ id: 'Registered' });

export const ACTIVITIES_OPERATIONS: Operation[] = [
	operation({
		method: 'post',
		path: '/activities',
		operationId: 'createActivity',
		verb: createActivity,
		request: createActivityInput,
		response: activityCreated,
		status: 201,
		location: (a: { id: string }) => `/activities/${a.id}`
	}),
	operation({
		method: 'get',
		path: '/activities',
		operationId: 'listActivities',
		verb: listActivities,
		query: listActivitiesQuery,
		response: activityList,
		respond: (page: Listed) => ({
			nextCursor: page.nextCursor,
			items: page.items.map((a) => ({ ...a, nextSessionAt: a.nextSessionAt ? a.nextSessionAt.toISOString() : null }))
		})
	}),
	operation({
		method: 'put',
		path: '/activities/{id}',
		operationId: 'updateActivity',
		verb: updateActivity,
		request: activityFieldsInput,
		input: ({ params, body }) => ({ ...body, id: params.id }),
		response: activityChanged
	}),
	operation({
		method: 'post',
		path: '/activities/{id}/sessions',
		operationId: 'createSession',
		verb: createSession,
		request: createSessionInput.omit({ activityId: true }),
		input: ({ params, body }) => ({ ...body, activityId: params.id }),
		response: sessionCreated,
		status: 201
	}),
	operation({
		method: 'post',
		path: '/activities/{id}/registrations',
		operationId: 'registerForActivity',
		verb: registerForActivity,
		request: registrationRequest,
		input: ({ params, body }) => ({ ...body, activityId: params.id }),
		response: registered,
		status: 201
	})
];
