import { coreAudit } from './schema.ts';
import type { Ctx } from './context.ts';

type AuditAction = (typeof coreAudit.$inferInsert)['action'];

export type AuditEntry = {
	action: AuditAction;
	entity: string;
	entityId?: string | null;
	reason?: string | null;
	details?: Record<string, unknown>;
	/** Assisted use: the person a facilitator acted for, when the verb found it out (else the context's). */
	onBehalfOfPersonId?: string | null;
};

/** Writes an audit row with ctx.db — call it with the transaction's ctx so it commits with the change. */
export async function audit(ctx: Ctx, entry: AuditEntry): Promise<void> {
	await ctx.db.insert(coreAudit).values({
		actorUserId: ctx.actor.userId,
		actorPersonId: ctx.actor.personId,
		onBehalfOfPersonId: entry.onBehalfOfPersonId ?? ctx.onBehalfOfPersonId ?? null,
		action: entry.action,
		entity: entry.entity,
		entityId: entry.entityId ?? null,
		reason: entry.reason ?? null,
		details: entry.details ?? null
	});
}
