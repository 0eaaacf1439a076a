import { z } from 'zod';
import { ROLES } from './roles.ts';

export const grantRoleInput = z.object({
	personId: z.uuid(),
	role: z.enum(ROLES),
	organisationId: z.uuid(),
	areaId: z
		.uuid()
		.nullish()
		.or(z.literal('').transform(() => null))
});

export const revokeRoleInput = z.object({ grantId: z.uuid() });
