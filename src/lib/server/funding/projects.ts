import { asc, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { defineVerb, NotFoundError, type Ctx } from '../core/index.ts';
import { can, grantedOrganisations, inScope, permission } from '../access/index.ts';
import { projectBudget, type ProjectBudget } from '../../funding/budget.ts';
import type { ApplicantKind, ApplicationBody, CallRules } from '../../funding/types.ts';
import {
	fundingApplication,
	fundingApplicationVersion,
	fundingBudgetVersion,
	fundingCall,
	fundingExpense,
	fundingFile,
	fundingProject,
	fundingTranche
} from './schema.ts';
import { listProjectsInput, projectIdInput } from './grant-validation.ts';

// A granted application carried out (issue 16, grant follow-up). The funder's officers manage it
// (funding.grant.manage, their organisation only); the applicant who owns the application reads it.
// Anyone else is told it does not exist (404), as for a record outside one's scope.

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

/** A project with what every verb on it needs: the application's owner and kind, the rules it was granted under. */
export type ProjectRecord = {
	id: string;
	organisationId: string;
	areaId: null;
	applicationId: string;
	callId: string;
	callTitle: string;
	title: string;
	applicantName: string;
	applicantKind: ApplicantKind;
	ownerUserId: string;
	grantedCents: number;
	startsOn: string;
	/** The call's rules as frozen with the application's latest submitted version. */
	rules: CallRules;
};

async function projectRecord(ctx: Ctx, id: string, lock: boolean): Promise<ProjectRecord | undefined> {
	const query = ctx.db
		.select({
			id: fundingProject.id,
			organisationId: fundingProject.organisationId,
			applicationId: fundingProject.applicationId,
			callId: fundingApplication.callId,
			callTitle: fundingCall.title,
			title: fundingApplication.body,
			applicantName: fundingApplication.applicantName,
			applicantKind: fundingApplication.applicantKind,
			ownerUserId: fundingApplication.ownerUserId,
			grantedCents: fundingProject.grantedCents,
			startsOn: fundingProject.startsOn
		})
		.from(fundingProject)
		.innerJoin(fundingApplication, eq(fundingApplication.id, fundingProject.applicationId))
		.innerJoin(fundingCall, eq(fundingCall.id, fundingApplication.callId))
		.where(eq(fundingProject.id, id));
	// Writes lock the project row, so two tranches or two decisions on it are taken one after the other.
	const [row] = lock ? await query.for('update', { of: fundingProject }) : await query;
	if (!row) return undefined;
	const [frozen] = await ctx.db
		.select({ rules: fundingApplicationVersion.rules })
		.from(fundingApplicationVersion)
		.where(eq(fundingApplicationVersion.applicationId, row.applicationId))
		.orderBy(desc(fundingApplicationVersion.version))
		.limit(1);
	if (!frozen) return undefined;
	return { ...row, areaId: null, title: row.title.title, rules: frozen.rules };
}

/** The project for a read: its applicant's or, inside their organisation, the funder's officers'; 404 otherwise. */
export async function readableProject(ctx: Ctx, id: string): Promise<ProjectRecord> {
	const project = await projectRecord(ctx, id, false);
	if (project && ctx.actor.userId !== null && project.ownerUserId === ctx.actor.userId) return project;
	return inScope(ctx.actor, 'funding.application.read', project);
}

/** The project locked for an officer's change; outside their organisations it is unknown (404). */
export async function managedProject(ctx: Ctx, id: string): Promise<ProjectRecord> {
	return inScope(ctx.actor, 'funding.grant.manage', await projectRecord(ctx, id, true));
}

/** The approved budget version in force (the latest approved one) and a pending proposal, if any. */
export async function budgetVersions(ctx: Ctx, projectId: string) {
	const versions = await ctx.db
		.select()
		.from(fundingBudgetVersion)
		.where(eq(fundingBudgetVersion.projectId, projectId))
		.orderBy(asc(fundingBudgetVersion.version));
	const inForce = versions.filter((v) => v.status === 'approved').at(-1);
	if (!inForce) throw new NotFoundError();
	return { versions, inForce };
}

export type TrancheView = {
	id: string;
	plannedOn: string;
	amountCents: number;
	condition: string;
	paidOn: string | null;
	paidCents: number | null;
};
export type ExpenseView = {
	id: string;
	lineId: string;
	year: number;
	spentOn: string;
	amountCents: number;
	supplier: string;
	description: string;
	file: { id: string; name: string; mediaType: string; size: number } | null;
};
export type BudgetVersionView = {
	version: number;
	status: 'proposed' | 'approved' | 'refused';
	reason: string;
	createdAt: Date;
	decidedAt: Date | null;
	budget: ApplicationBody['budget'];
	ownContributionCents: number;
};

export type ProjectView = Omit<ProjectRecord, 'areaId' | 'ownerUserId' | 'rules'> & {
	durationYears: number;
	categories: CallRules['categories'];
	/** The version number of the budget in force. */
	budgetVersion: number;
	budget: ProjectBudget;
	tranches: TrancheView[];
	expenses: ExpenseView[];
	versions: BudgetVersionView[];
	/** The actor is the funder's officer: may plan and pay tranches, record expenses, decide amendments. */
	manageable: boolean;
	/** The actor may propose an amendment (the applicant or the officer), none being pending. */
	mayPropose: boolean;
};

async function projectView(ctx: Ctx, project: ProjectRecord): Promise<ProjectView> {
	const { versions, inForce } = await budgetVersions(ctx, project.id);
	const tranches = await ctx.db
		.select({
			id: fundingTranche.id,
			plannedOn: fundingTranche.plannedOn,
			amountCents: fundingTranche.amountCents,
			condition: fundingTranche.condition,
			paidOn: fundingTranche.paidOn,
			paidCents: fundingTranche.paidCents
		})
		.from(fundingTranche)
		.where(eq(fundingTranche.projectId, project.id))
		.orderBy(asc(fundingTranche.plannedOn), asc(fundingTranche.createdAt));
	const rows = await ctx.db
		.select({
			id: fundingExpense.id,
			lineId: fundingExpense.lineId,
			year: fundingExpense.year,
			spentOn: fundingExpense.spentOn,
			amountCents: fundingExpense.amountCents,
			supplier: fundingExpense.supplier,
			description: fundingExpense.description,
			fileId: fundingFile.id,
			fileName: fundingFile.name,
			mediaType: fundingFile.mediaType,
			size: fundingFile.size
		})
		.from(fundingExpense)
		.leftJoin(fundingFile, eq(fundingFile.id, fundingExpense.fileId))
		.where(eq(fundingExpense.projectId, project.id))
		.orderBy(desc(fundingExpense.spentOn), desc(fundingExpense.createdAt));
	const expenses: ExpenseView[] = rows.map(({ fileId, fileName, mediaType, size, ...e }) => ({
		...e,
		file: fileId && fileName && mediaType && size !== null ? { id: fileId, name: fileName, mediaType, size } : null
	}));
	const manageable = can(ctx.actor, 'funding.grant.manage', project);
	const { areaId: _a, ownerUserId, rules, ...rest } = project;
	const pending = versions.some((v) => v.status === 'proposed');
	return {
		...rest,
		durationYears: rules.durationYears,
		categories: rules.categories,
		budgetVersion: inForce.version,
		budget: projectBudget(inForce.body, expenses, tranches, project.grantedCents, rules.durationYears),
		tranches,
		expenses,
		versions: versions.map((v) => ({
			version: v.version,
			status: v.status,
			reason: v.reason,
			createdAt: v.createdAt,
			decidedAt: v.decidedAt,
			budget: v.body.budget,
			ownContributionCents: v.body.ownContributionCents
		})),
		manageable,
		mayPropose: !pending && (manageable || ownerUserId === ctx.actor.userId)
	};
}

export const getProject = defineVerb({
	name: 'funding.project.get',
	summary: "A project: its budget in force against the spending, tranches, expenses and amendments (its applicant and the funder's officers)",
	permission: permission('funding.own.read'),
	input: projectIdInput,
	writes: false,
	access: (ctx, { id }) => readableProject(ctx, id),
	run: (ctx, _input, project) => projectView(ctx, project)
});

export const getProjectBudget = defineVerb({
	name: 'funding.project.budget',
	summary: 'A project’s budget: per line and year planned, spent, remaining and overspent; per year and category; tranches planned and paid',
	permission: permission('funding.own.read'),
	input: projectIdInput,
	writes: false,
	access: (ctx, { id }) => readableProject(ctx, id),
	run: async (ctx, _input, project) => {
		const view = await projectView(ctx, project);
		return { projectId: project.id, budgetVersion: view.budgetVersion, ...view.budget };
	}
});

export type ProjectListItem = {
	id: string;
	title: string;
	applicantName: string;
	callTitle: string;
	grantedCents: number;
	startsOn: string;
};

export const listProjects = defineVerb({
	name: 'funding.project.list',
	summary: "Projects: the officer's organisations' and the caller's own (as applicant)",
	permission: permission('funding.own.read'),
	input: listProjectsInput,
	writes: false,
	access: (ctx) => ({ orgs: grantedOrganisations(ctx.actor, 'funding.application.read') }),
	run: async (ctx, _input, { orgs }): Promise<ProjectListItem[]> => {
		// An admin (orgs null) sees every project; an officer their organisations' and their own; anyone else their own.
		const terms: SQL[] = [];
		if (orgs?.length) terms.push(inArray(fundingProject.organisationId, orgs));
		if (ctx.actor.userId) terms.push(eq(fundingApplication.ownerUserId, ctx.actor.userId));
		if (orgs !== null && !terms.length) return [];
		const where = orgs === null ? undefined : or(...terms);
		const rows = await ctx.db
			.select({
				id: fundingProject.id,
				body: fundingApplication.body,
				applicantName: fundingApplication.applicantName,
				callTitle: fundingCall.title,
				grantedCents: fundingProject.grantedCents,
				startsOn: fundingProject.startsOn
			})
			.from(fundingProject)
			.innerJoin(fundingApplication, eq(fundingApplication.id, fundingProject.applicationId))
			.innerJoin(fundingCall, eq(fundingCall.id, fundingApplication.callId))
			.where(where)
			.orderBy(desc(fundingProject.startsOn))
			.limit(500);
		return rows.map(({ body, ...r }) => ({ ...r, title: body.title }));
	}
});
