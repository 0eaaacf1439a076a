import { z } from 'zod';

export const createAreaInput = z.object({
	name: z.string().trim().min(2, 'error_required').max(120, 'error_too_long'),
	city: z.string().trim().min(2, 'error_required').max(80, 'error_too_long'),
	code: z
		.string()
		.trim()
		.min(1, 'error_required')
		.max(40, 'error_too_long')
		.regex(/^[A-Za-z0-9_.-]+$/, 'error_code')
});
export type CreateAreaInput = z.infer<typeof createAreaInput>;
