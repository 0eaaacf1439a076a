// Activities (issue 15): the module's door. Each part adds its exports in a block of its own.
// The tables too, for the seeds (the demo and city seeds write activities straight into them).
export {
	ACTIVITY_KINDS,
	REGISTRATION_STATUSES,
	ACTIVITY_LIMITS,
	activitiesActivity,
	activitiesSession,
	activitiesRegistration,
	activitiesAttendance
} from './schema.ts';
// Public activities (part public): the neighbourhood page, its feeds and "I'm coming".
export { publicActivities, publicActivity } from './public.ts';
export { sessionEvent } from './ical.ts';
export { joinActivity } from './join.ts';
// Activities: records, sessions, registrations (part activities)
export { createActivity, updateActivity } from './activities.ts';
export { listActivities, getActivity, activityChoices } from './activity-read.ts';
export { createSession } from './sessions.ts';
export { registerForActivity, cancelRegistration } from './registrations.ts';
export {
	createActivityInput,
	activityFieldsInput,
	listActivitiesInput,
	listActivitiesQuery,
	createSessionInput,
	registerInput,
	cancelRegistrationInput
} from './validation.ts';
// Attendance (attendance part): the checklist on a phone and the API's list of who came.
export { recordAttendance, tickAttendance, untickAttendance, addParticipant, setHeadcount, closeAttendance } from './attendance.ts';
export { getChecklist } from './checklist.ts';
// The checklist page's forms, and the API's bound on a list (the verbs' own inputs stay inside).
export { ATTENDANCE_LIST_MAX, tickForm, addParticipantForm, headcountForm } from './attendance-validation.ts';
// Reach (part reach): the figures of activities over whole months, and their downloads.
export { getActivityReach, activityReachChoices } from './reach.ts';
export { activityReachFields, activityReachInput, REACH_MAX_YEARS } from './reach-validation.ts';
export { ACTIVITY_REACH_FIGURES, type ActivityReach, type ActivityReachFigure } from './reach-shape.ts';
export { activityReachCsv, activityReachXlsx, type ActivityReachSheetLabels } from './reach-export.ts';

// Indicators (issue 15, the indicators part): the activities' metrics for the indicators registry.
export { ACTIVITY_METRICS } from './metrics.ts';
