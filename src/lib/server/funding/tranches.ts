import { eq } from 'drizzle-orm';
import { ConflictError, defineVerb, InvalidError, NotFoundError } from '../core/index.ts';
import { permission } from '../access/index.ts';
import { trancheExcess } from '../../funding/budget.ts';
import { fundingTranche } from './schema.ts';
import { planTrancheInput, recordTrancheInput } from './grant-validation.ts';
import { managedProject } from './projects.ts';

// A grant is paid in tranches: the officer plans each (a date, an amount, a condition such as "yearly
// report approved") and records it paid, once. The planned tranches never add up to more than the grant.

/** A tranche that would take the planned (or paid) tranches over the grant: 422, and by how much (`overCents`). */
export class OverGrantError extends InvalidError {
	readonly overCents: number;
	constructor(overCents: number, field: 'amountCents' | 'paidCents' = 'amountCents') {
		super({ [field]: 'fund_tranche_error_over_grant' });
		this.overCents = overCents;
	}
}

export const planTranche = defineVerb({
	name: 'funding.tranche.plan',
	summary: 'Plan a tranche of a grant (date, amount, condition); the tranches together stay within the granted amount',
	permission: permission('funding.grant.manage'),
	input: planTrancheInput,
	writes: true,
	access: (ctx, { projectId }) => managedProject(ctx, projectId),
	run: async (ctx, input, project) => {
		const planned = await ctx.db
			.select({ amountCents: fundingTranche.amountCents, paidCents: fundingTranche.paidCents })
			.from(fundingTranche)
			.where(eq(fundingTranche.projectId, project.id));
		const over = trancheExcess(planned, input.amountCents, project.grantedCents);
		if (over > 0) throw new OverGrantError(over);
		const [row] = await ctx.db
			.insert(fundingTranche)
			.values({
				projectId: project.id,
				plannedOn: input.plannedOn,
				amountCents: input.amountCents,
				condition: input.condition,
				createdByUserId: ctx.actor.userId
			})
			.returning({ id: fundingTranche.id });
		return { id: row!.id, projectId: project.id };
	},
	audit: (input, out) => ({
		action: 'create',
		entity: 'funding_tranche',
		entityId: out.id,
		details: { projectId: out.projectId, amountCents: input.amountCents, plannedOn: input.plannedOn }
	})
});

export const recordTranche = defineVerb({
	name: 'funding.tranche.record',
	summary: 'Record a tranche as paid (date and amount paid); a tranche is paid once (409 after)',
	permission: permission('funding.grant.manage'),
	input: recordTrancheInput,
	writes: true,
	access: async (ctx, { trancheId }) => {
		const [t] = await ctx.db.select({ projectId: fundingTranche.projectId }).from(fundingTranche).where(eq(fundingTranche.id, trancheId));
		if (!t) throw new NotFoundError();
		return managedProject(ctx, t.projectId);
	},
	run: async (ctx, input, project) => {
		const [tranche] = await ctx.db.select().from(fundingTranche).where(eq(fundingTranche.id, input.trancheId)).for('update');
		if (!tranche) throw new NotFoundError();
		if (tranche.paidOn !== null) throw new ConflictError('fund_tranche_error_paid');
		// What is paid out never adds up to more than the grant either (a tranche may be paid short or, up to that, long).
		const paid = await ctx.db
			.select({ amountCents: fundingTranche.paidCents, paidCents: fundingTranche.paidCents })
			.from(fundingTranche)
			.where(eq(fundingTranche.projectId, project.id));
		const over = trancheExcess(
			paid.map((p) => ({ amountCents: p.amountCents ?? 0, paidCents: p.paidCents })),
			input.paidCents,
			project.grantedCents
		);
		if (over > 0) throw new OverGrantError(over, 'paidCents');
		await ctx.db.update(fundingTranche).set({ paidOn: input.paidOn, paidCents: input.paidCents }).where(eq(fundingTranche.id, tranche.id));
		return { id: tranche.id, projectId: project.id, paidOn: input.paidOn, paidCents: input.paidCents };
	},
	audit: (_input, out) => ({
		action: 'update',
		entity: 'funding_tranche',
		entityId: out.id,
		details: { projectId: out.projectId, paidOn: out.paidOn, paidCents: out.paidCents }
	})
});
