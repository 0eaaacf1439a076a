import type { Ctx } from '../core/index.ts';
import { requirePermission } from '../access/index.ts';
import type { z } from 'zod';
import type { meResponse } from './schemas.ts';

export function me(ctx: Ctx): z.infer<typeof meResponse> {
	requirePermission(ctx.actor, 'account.read');
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
