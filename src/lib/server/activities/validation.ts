import { z } from 'zod';
import { line, optionalLine, pageFields } from '../core/index.ts';
import { THEMES } from '../../themes.ts';
import { ACTIVITY_KINDS, ACTIVITY_LIMITS, RECURRENCES, TARGET_GROUPS } from './schema.ts';

// The inputs of the activities verbs (records, sessions, registrations), shared by the forms, the API
// and its document. Forms send strings: numbers are coerced, a checkbox is 'on', an empty field is none.

const blankToNull = (v: unknown) => (v === '' ? null : v);
const optionalUuid = z.preprocess(blankToNull, z.uuid('error_choice').nullish());
const day = z.iso.date('error_date');
const optionalDay = z.preprocess(blankToNull, day.nullish());
/** 'HH:MM' on the Belgian clock (PostgreSQL's '14:00:00' is cut to its minutes). */
export const clockTime = z.preprocess(
	(v) => (typeof v === 'string' && /^\d\d:\d\d:\d\d$/.test(v) ? v.slice(0, 5) : v),
	z.string('act_error_time').regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'act_error_time')
);
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());
const coord = (max: number) =>
	z.preprocess(blankToNull, z.coerce.number('act_error_coordinates').min(-max, 'act_error_coordinates').max(max, 'act_error_coordinates').nullish());
/** A form sends one value as a string and several as an array. */
const list = <T extends z.ZodType>(item: T, max: number) =>
	z
		.preprocess(
			(v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]),
			z.array(item).max(max, 'error_too_long')
		)
		.optional()
		.transform((v) => [...new Set(v ?? [])]);
/** Picked dates: an array (API) or one text field with the days separated by spaces, commas or lines (form). */
const pickedDates = z
	.preprocess(
		(v) => (typeof v === 'string' ? v.split(/[\s,;]+/).filter(Boolean) : v === undefined || v === null ? [] : v),
		z.array(z.iso.date('act_error_dates')).max(ACTIVITY_LIMITS.sessionsMax, 'act_error_too_many_sessions')
	)
	.optional()
	.transform((v) => v ?? []);

const schedule = {
	recurrence: z.preprocess(blankToNull, z.enum(RECURRENCES, 'error_choice').nullish()),
	startsOn: day,
	endsOn: optionalDay,
	startTime: clockTime,
	durationMinutes: z.coerce
		.number('act_error_duration')
		.int('act_error_duration')
		.min(1, 'act_error_duration')
		.max(ACTIVITY_LIMITS.durationMax, 'act_error_duration'),
	dates: pickedDates
};

const fields = z.object({
	title: line(2, ACTIVITY_LIMITS.titleMax),
	description: z.preprocess(
		(v) => (typeof v === 'string' ? v.trim() || null : v),
		z.string().max(ACTIVITY_LIMITS.descriptionMax, 'error_too_long').nullish()
	),
	organiserUserId: z.preprocess(blankToNull, z.string().max(100, 'error_choice').nullish()),
	placeId: optionalUuid,
	placeName: optionalLine(200),
	lat: coord(90),
	lon: coord(180),
	themes: list(z.enum(THEMES, 'act_error_theme'), THEMES.length),
	targetGroups: list(z.enum(TARGET_GROUPS, 'error_choice'), TARGET_GROUPS.length),
	capacity: z
		.preprocess(
			(v) => (v === '' || v === undefined ? 0 : v),
			z.coerce
				.number('act_error_capacity')
				.int('act_error_capacity')
				.min(0, 'act_error_capacity')
				.max(ACTIVITY_LIMITS.capacityMax, 'act_error_capacity')
		)
		.default(0),

	public: checkbox.optional().default(false),
	...schedule
});

type Fields = z.infer<typeof fields> & { kind?: string };

/** What every shape of activity needs beside its fields: a place, a rhythm for a series, both coordinates or none. */
function whole(v: Fields, issue: (path: string, message: string) => void) {
	if (!v.placeId && !v.placeName) issue('placeName', 'act_error_place');
	if ((v.lat == null) !== (v.lon == null)) issue('lat', 'act_error_coordinates');
	if (v.kind === 'recurring' && !v.recurrence) issue('recurrence', 'error_required');
}

const refined = <S extends z.ZodObject>(schema: S) =>
	schema.superRefine((v, c) => whole(v as unknown as Fields, (path, message) => c.addIssue({ code: 'custom', path: [path], message })));

export const createActivityInput = refined(
	fields.extend({
		organisationId: z.uuid('error_required'),
		areaId: optionalUuid,
		kind: z.enum(ACTIVITY_KINDS, 'error_choice')
	})
);
export type CreateActivityInput = z.infer<typeof createActivityInput>;

/** A change replaces the activity's fields; kind, organisation and neighbourhood stay what they were. */
export const updateActivityInput = refined(fields.extend({ id: z.uuid('error_not_found') }));
/** The body of a change through the API (the id is in the path; the verb checks the whole again). */
export const activityFieldsInput = fields;
export type UpdateActivityInput = z.infer<typeof updateActivityInput>;

/** The list's query (the API's), and the verb's input that may be left out. */
export const listActivitiesQuery = z.object({
	areaId: optionalUuid,
	kind: z.preprocess(blankToNull, z.enum(ACTIVITY_KINDS, 'error_choice').nullish()),
	theme: z.preprocess(blankToNull, z.enum(THEMES, 'act_error_theme').nullish()),
	public: z.preprocess(
		(v) => (v === '' ? null : v === 'true' || v === true ? true : v === 'false' || v === false ? false : v),
		z.boolean('error_choice').nullish()
	),
	from: optionalDay,
	to: optionalDay,
	...pageFields
});
export const listActivitiesInput = listActivitiesQuery.prefault({});

export const activityIdInput = z.object({ id: z.uuid('error_not_found') });

/** An extra session: a day, from one time to a later one (a session over midnight is two). */
export const createSessionInput = z.object({
	activityId: z.uuid('error_not_found'),
	day,
	startTime: clockTime,
	endTime: clockTime,
	placeId: optionalUuid,
	placeName: optionalLine(200)
});

export const registerInput = z
	.object({
		activityId: z.uuid('error_not_found'),
		sessionId: optionalUuid,
		personId: optionalUuid,
		householdId: optionalUuid
	})
	.superRefine((v, c) => {
		if (!v.personId === !v.householdId) c.addIssue({ code: 'custom', path: ['personId'], message: 'act_error_who' });
	});

export const cancelRegistrationInput = z.object({ id: z.uuid('error_not_found') });
