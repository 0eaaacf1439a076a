export * from './errors.ts';
export * from './context.ts';
export { audit, type AuditEntry } from './audit.ts';
export { authSecret, getSetting, setSetting } from './settings.ts';
export { line, optionalLine } from './text.ts';
export {
	PROBLEM_BASE,
	PROBLEM_CODES,
	PROBLEM_TYPES,
	isProblemCode,
	genericCode,
	problemSlug,
	problemTitle,
	problemTypeUri,
	type ProblemCode
} from './problems.ts';
