import { z } from 'zod';
import { defineVerb } from '../core/index.ts';
import { instanceWide, permission } from '../access/index.ts';
import { meResponse } from './schemas.ts';

/** Who the caller is: their account, person and roles (and a token's scopes). */
export const me = defineVerb({
	name: 'account.me.read',
	summary: 'The token’s user, person and roles',
	permission: permission('account.read'),
	input: z.object({}).default({}),
	output: meResponse,
	writes: false,
	// One's own account: nothing of anybody else is read.
	access: instanceWide,
	run: async (ctx): Promise<z.infer<typeof meResponse>> => {
		const a = ctx.actor;
		return {
			id: a.userId!,
			name: a.name ?? '',
			email: a.email ?? '',
			locale: a.locale,
			personId: a.personId,
			roles: a.grants,
			tokenScopes: a.tokenScopes ?? []
		};
	}
});
