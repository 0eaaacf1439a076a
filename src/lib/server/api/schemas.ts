import { z } from 'zod';
import { ROLES } from '../access/index.ts';
import { PROBLEM_BASE, PROBLEM_CODES } from '../core/index.ts';

// Response and request bodies of /api/v1: the same Zod schemas validate and document them.
export const problemSchema = z
	.object({
		type: z.url().meta({ description: `A stable URI per kind of problem, ${PROBLEM_BASE}<slug>; docs/api.md lists them all.` }),
		code: z.enum(PROBLEM_CODES).meta({ description: 'The message key of the detail: stable, for programs (as is type).' }),
		title: z.string().meta({ description: 'A short English summary of the type.' }),
		status: z.number().int(),
		detail: z.string().meta({ description: 'For people, in the token owner’s language; never parse it.' }),
		errors: z.record(z.string(), z.string()).optional().meta({
			description:
				'Only for type invalid: each wrong field with a message. Body fields as dotted paths (`_` for the whole body), query parameters by name, the header as `Idempotency-Key`.'
		})
	})
	.meta({ id: 'Problem', description: 'RFC 9457 problem details.' });

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
