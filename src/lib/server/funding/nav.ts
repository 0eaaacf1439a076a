import { and, eq, isNotNull } from 'drizzle-orm';
import type { Ctx } from '../core/index.ts';
import { fundingApplication, fundingEditor } from './schema.ts';

// Whether the header offers "My applications": to an account that owns or co-edits one. Asked on every
// page for signed-in accounts, so at most two indexed probes (owner index, editor user index) of one row.
export async function hasApplications(ctx: Ctx): Promise<boolean> {
	const userId = ctx.actor.userId;
	if (!userId) return false;
	const owned = await ctx.db
		.select({ id: fundingApplication.id })
		.from(fundingApplication)
		.where(eq(fundingApplication.ownerUserId, userId))
		.limit(1);
	if (owned.length) return true;
	const edited = await ctx.db
		.select({ id: fundingEditor.id })
		.from(fundingEditor)
		.where(and(eq(fundingEditor.userId, userId), isNotNull(fundingEditor.acceptedAt)))
		.limit(1);
	return edited.length > 0;
}
