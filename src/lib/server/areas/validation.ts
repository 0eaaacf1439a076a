import { z } from 'zod';
import { line } from '../core/index.ts';

export const createAreaInput = z.object({
	name: line(2, 120),
	city: line(2, 80),
	code: z
		.string()
		.trim()
		.min(1, 'error_required')
		.max(40, 'error_too_long')
		.regex(/^[A-Za-z0-9_.-]+$/, 'error_code')
});
