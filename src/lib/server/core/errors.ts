import type { z } from 'zod';
import type { ProblemCode } from './problems.ts';
// Domain errors carry a message key (translated at the edge) and, for bad input, per-field keys.
// The key is also the API's problem code: only registered codes (core/problems.ts) are accepted.
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
	readonly status: number;
	readonly key: ProblemCode;
	constructor(status: number, key: ProblemCode, detail?: string) {
		super(detail ?? key);
		this.status = status;
		this.key = key;
	}
}

export class InvalidError extends AppError {
	readonly fields: FieldErrors;
	constructor(fields: FieldErrors, key: ProblemCode = 'error_invalid') {
		super(422, key);
		this.fields = fields;
	}
}
export class UnauthenticatedError extends AppError {
	constructor() {
		super(401, 'error_unauthenticated');
	}
}
export class ForbiddenError extends AppError {
	constructor(permission?: string) {
		super(403, 'error_forbidden', permission ? `missing permission ${permission}` : undefined);
	}
}
export class NotFoundError extends AppError {
	constructor() {
		super(404, 'error_not_found');
	}
}
export class ConflictError extends AppError {
	constructor(key: ProblemCode = 'error_conflict') {
		super(409, key);
	}
}

/**
 * A verb's own check of its input (the API and scripts call verbs too, not only validated forms):
 * the parsed value, or an InvalidError with the first message key per field.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
	const r = schema.safeParse(raw);
	if (r.success) return r.data;
	const fields: FieldErrors = {};
	for (const issue of r.error.issues) fields[String(issue.path[0] ?? '_')] ??= issue.message;
	throw new InvalidError(fields);
}
