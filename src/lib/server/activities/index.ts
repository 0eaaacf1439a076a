// Activities (issue 15): the module's door. Each part adds its exports in a block of its own.
// The tables too, for the seeds (the demo and city seeds write activities straight into them).
export {
	ACTIVITY_KINDS,
	RECURRENCES,
	TARGET_GROUPS,
	REGISTRATION_STATUSES,
	ACTIVITY_LIMITS,
	activitiesActivity,
	activitiesSession,
	activitiesRegistration,
	activitiesAttendance
} from './schema.ts';
// Reach (part reach): the figures of activities over whole months, and their downloads.
export { getActivityReach, activityReachChoices } from './reach.ts';
export { activityReachFields, activityReachInput, REACH_MAX_YEARS, type ActivityReachQuery } from './reach-validation.ts';
export {
	ACTIVITY_REACH_FIGURES,
	ACTIVITY_REACH_SHARES,
	type ActivityReach,
	type ActivityReachFigure,
	type ActivityReachShare
} from './reach-shape.ts';
export { activityReachCsv, activityReachXlsx, type ActivityReachSheetLabels } from './reach-export.ts';
