import { z } from 'zod';

// Control characters never belong in a name, a title or a city, and PostgreSQL refuses NUL in text
// outright (which would otherwise surface as a 500). Tabs and newlines are refused too: these are
// single-line fields.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A trimmed single line of text, `min`–`max` characters, without control characters. */
export const line = (min: number, max: number) =>
	z
		.string()
		.trim()
		.min(min, 'error_required')
		.max(max, 'error_too_long')
		.refine((v) => !CONTROL.test(v), 'error_characters');

/** An optional single line: empty becomes null. */
export const optionalLine = (max: number) =>
	z
		.string()
		.trim()
		.max(max, 'error_too_long')
		.refine((v) => !CONTROL.test(v), 'error_characters')
		.transform((v) => (v === '' ? null : v))
		.nullish();
