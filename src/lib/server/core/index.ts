export * from './errors.ts';
export * from './context.ts';
export { audit, type AuditEntry } from './audit.ts';
export { authSecret, getSetting, setSetting } from './settings.ts';
export { line, optionalLine } from './text.ts';
export { PUBLIC, type Permission, type AnyVerb } from './verb.ts';
export { defineVerb, verbs } from './run.ts';
export { pageFields, decodeCursor, after, pageOf, MAX_LIMIT, type Page } from './page.ts';
export {
	BELGIAN_ZONE,
	addDays,
	addMonths,
	addYears,
	ageAt,
	belgianClock,
	belgianLocalToInstant,
	belgianDateOf,
	dayOfWeek,
	daysBetween,
	endOfBelgianDay,
	endOfBelgianMonth,
	lastDayOfMonth,
	startOfBelgianDay,
	startOfBelgianMonth,
	startOfBelgianWeek,
	todayInBelgium,
	wholeWeeksBetween
} from './time.ts';
export { containsPattern } from './like.ts';
export { machine } from './machine.ts';
// Tables other modules JOIN on (one SQL statement instead of a round trip per row) or the demo seed
// writes; part of this module's public API, so a change to them is a change to its door.
export { coreAudit } from './schema.ts';
export { isStopping, onShutdown, runShutdown } from './shutdown.ts';
export {
	PROBLEM_BASE,
	PROBLEM_CODES,
	PROBLEM_TYPES,
	isProblemCode,
	genericCode,
	problemTitle,
	problemTypeUri,
	type ProblemCode
} from './problems.ts';
// Public activities (issue 15, part public): the one iCalendar writer of office hours and activities.
export { calendar, escapeText, foldLine, type CalendarEvent } from './ical.ts';
export { fileType } from './file-type.ts';
