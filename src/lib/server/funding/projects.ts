import { desc, eq } from 'drizzle-orm';
import type { Ctx } from '../core/index.ts';
import type { ApplicationBody } from '../../funding/types.ts';
import { fundingApplicationVersion, fundingBudgetVersion, fundingProject } from './schema.ts';

// A granted application becomes a project: its approved budget is, at first, the latest submitted version
// (the one the jury scored) (budget version 1, approved by the decision itself). Called by the decision verb inside
// its transaction (ctx.db is the transaction there), never on its own.

export async function openProject(
	ctx: Ctx,
	application: { id: string; organisationId: string },
	grantedCents: number,
	startsOn: string
): Promise<string> {
	const [frozen] = await ctx.db
		.select({ body: fundingApplicationVersion.body })
		.from(fundingApplicationVersion)
		.where(eq(fundingApplicationVersion.applicationId, application.id))
		.orderBy(desc(fundingApplicationVersion.version))
		.limit(1);
	if (!frozen) throw new Error(`application ${application.id} has no submitted version`);
	const [project] = await ctx.db
		.insert(fundingProject)
		.values({ applicationId: application.id, organisationId: application.organisationId, grantedCents, startsOn })
		.returning({ id: fundingProject.id });
	await ctx.db.insert(fundingBudgetVersion).values({
		projectId: project!.id,
		version: 1,
		body: frozen.body satisfies ApplicationBody,
		status: 'approved',
		decidedByUserId: ctx.actor.userId,
		decidedAt: new Date()
	});
	return project!.id;
}
