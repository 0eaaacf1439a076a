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

// Indicators (issue 15, the indicators part): the activities' metrics for the indicators registry.
export { ACTIVITY_METRICS } from './metrics.ts';
