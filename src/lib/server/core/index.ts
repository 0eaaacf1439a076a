export * from './errors.ts';
export * from './context.ts';
export { audit, type AuditEntry } from './audit.ts';
export { authSecret, getSetting, setSetting } from './settings.ts';
export { line, optionalLine } from './text.ts';
export {
	BELGIAN_ZONE,
	addDays,
	addMonths,
	addYears,
	ageAt,
	belgianClock,
	belgianDateOf,
	belgianLocalToInstant,
	dayOfWeek,
	daysBetween,
	endOfBelgianDay,
	endOfBelgianMonth,
	isoWeek,
	lastDayOfMonth,
	startOfBelgianDay,
	startOfBelgianMonth,
	startOfBelgianWeek,
	todayInBelgium,
	wholeWeeksBetween,
	type PlainDay
} from './time.ts';
