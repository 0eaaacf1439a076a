import { z } from 'zod';
import { ROLES } from '../access/index.ts';

// Response and request bodies of /api/v1: the same Zod schemas validate and document them.
export const problemSchema = z
	.object({
		type: z.string(),
		title: z.string(),
		status: z.number().int(),
		detail: z.string(),
		errors: z.record(z.string(), z.string()).optional()
	})
	.meta({ id: 'Problem' });

export const meResponse = z
	.object({
		id: z.string(),
		name: z.string(),
		email: z.string(),
		locale: z.string().nullable(),
		personId: z.string().nullable(),
		roles: z.array(z.object({ role: z.enum(ROLES), organisationId: z.string(), areaId: z.string().nullable() })),
		tokenScopes: z.array(z.string())
	})
	.meta({ id: 'Me' });
