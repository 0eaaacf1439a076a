import { and, eq } from 'drizzle-orm';
import { ConflictError, type Ctx } from '../core/index.ts';
import type { ApplicationStatus } from '../../funding/types.ts';
import { applicationMachine } from './status.ts';
import { fundingApplication, fundingApplicationEvent } from './schema.ts';

// One status step of an application: the machine (status.ts) is the only judge of what may follow
// what, and every step leaves a row saying who took it, when, from what to what, and why.

type Stepped = { id: string; status: ApplicationStatus };

/** Moves the application one allowed step (else 409 fund_review_error_step) and logs it. Call inside the verb's transaction. */
export async function stepApplication(ctx: Ctx, application: Stepped, to: ApplicationStatus, reason: string | null): Promise<void> {
	if (!applicationMachine.canStep(application.status, to)) throw new ConflictError('fund_review_error_step');
	// The status read is part of the update's condition: a step raced by another one changes nothing.
	const moved = await ctx.db
		.update(fundingApplication)
		.set({ status: to, updatedAt: new Date() })
		.where(and(eq(fundingApplication.id, application.id), eq(fundingApplication.status, application.status)))
		.returning({ id: fundingApplication.id });
	if (!moved.length) throw new ConflictError('fund_review_error_step');
	await ctx.db.insert(fundingApplicationEvent).values({
		applicationId: application.id,
		fromStatus: application.status,
		toStatus: to,
		actorUserId: ctx.actor.userId,
		reason: reason || null
	});
}
