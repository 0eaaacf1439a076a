import { eq } from 'drizzle-orm';
import { ConflictError, defineVerb, ForbiddenError, InvalidError, type Ctx } from '../core/index.ts';
import { can, inScope, permission } from '../access/index.ts';
import { addDays, belgianDay, belgianNoon, callTemplate } from '../../funding/templates.ts';
import type { CallRules } from '../../funding/types.ts';
import { fundingCall, fundingProgramme } from './schema.ts';
import { callIdInput, createCallInput, publishProblems, rulesProblems, updateCallInput } from './call-validation.ts';

// A call's life as the officer sees it: made blank or from a template (a draft), its title, summary
// and rules saved whole with optimistic locking, published once its rules hold together and it can
// still be applied to, then closed. Its rules are data: every save is checked by the same pure checks.

type CallRow = typeof fundingCall.$inferSelect;

/** Rules of a blank call: open from now for six weeks, every kind of applicant, the rest to fill in. */
export function blankRules(opensAt: Date): CallRules {
	return {
		opensAt: opensAt.toISOString(),
		closesAt: belgianNoon(addDays(belgianDay(opensAt), 42)).toISOString(),
		phases: [],
		applicantKinds: ['neighbourhood_group', 'association', 'city'],
		onePerApplicant: true,
		maxGrantCents: null,
		startFundMaxCents: null,
		minCofinancingBp: null,
		maxSmallInfrastructureBp: null,
		categories: ['operations'],
		durationYears: 1,
		decreasingLastYears: 0,
		sections: [],
		minIndicators: 0,
		criteria: [],
		scaleMin: 0,
		scaleMax: 10,
		spreadFlag: 3
	};
}

/** The call locked for a change: outside the officer's organisations it is unknown (404); readable but not theirs to change is a 403. */
export async function callFor(ctx: Ctx, id: string): Promise<CallRow> {
	const [row] = await ctx.db.select().from(fundingCall).where(eq(fundingCall.id, id)).for('update');
	const call = inScope(ctx.actor, 'funding.programme.read', row ? { ...row, areaId: null } : undefined);
	if (!can(ctx.actor, 'funding.programme.manage', call)) throw new ForbiddenError('funding.programme.manage');
	return row!;
}

export const createCall = defineVerb({
	name: 'funding.call.create',
	summary: 'Create a draft call of a programme, blank or from one of the three templates',
	permission: permission('funding.programme.manage'),
	input: createCallInput,
	writes: true,
	access: async (ctx, { programmeId }) => {
		const [p] = await ctx.db.select().from(fundingProgramme).where(eq(fundingProgramme.id, programmeId));
		const programme = inScope(ctx.actor, 'funding.programme.read', p ? { ...p, areaId: null } : undefined);
		if (!can(ctx.actor, 'funding.programme.manage', programme)) throw new ForbiddenError('funding.programme.manage');
		return programme;
	},
	run: async (ctx, input, programme) => {
		const opensAt = input.opensAt ? new Date(input.opensAt) : new Date();
		const made = input.template ? callTemplate(input.template, { opensAt, locale: input.locale }) : null;
		const rules = made?.rules ?? blankRules(opensAt);
		const title = input.title ?? made?.title;
		if (!title) throw new InvalidError({ title: 'error_required' });
		const [row] = await ctx.db
			.insert(fundingCall)
			.values({
				programmeId: programme.id,
				organisationId: programme.organisationId,
				title,
				summary: made?.summary ?? '',
				template: input.template ?? null,
				rules,
				opensAt: new Date(rules.opensAt),
				closesAt: new Date(rules.closesAt),
				createdByUserId: ctx.actor.userId
			})
			.returning({ id: fundingCall.id, version: fundingCall.version });
		return { id: row!.id, version: row!.version };
	},
	audit: (input, out) => ({ action: 'create', entity: 'funding_call', entityId: out.id, details: { template: input.template ?? null } })
});

export const updateCall = defineVerb({
	name: 'funding.call.update',
	summary: "Save a call's title, summary and rules; names the version it read (a stale one is refused with 409)",
	permission: permission('funding.programme.manage'),
	input: updateCallInput,
	writes: true,
	access: (ctx, { id }) => callFor(ctx, id),
	run: async (ctx, input, call) => {
		if (call.status === 'closed') throw new ConflictError();
		// Another tab or colleague saved since this editor read the call: nothing is overwritten.
		if (input.version !== call.version) throw new ConflictError();
		const problems = rulesProblems(input.rules);
		if (Object.keys(problems).length) throw new InvalidError(problems);
		const [row] = await ctx.db
			.update(fundingCall)
			.set({
				title: input.title,
				summary: input.summary,
				rules: input.rules,
				opensAt: new Date(input.rules.opensAt),
				closesAt: new Date(input.rules.closesAt),
				version: call.version + 1,
				updatedAt: new Date()
			})
			.where(eq(fundingCall.id, call.id))
			.returning({ version: fundingCall.version });
		return { id: call.id, version: row!.version };
	},
	audit: (_input, out) => ({ action: 'update', entity: 'funding_call', entityId: out.id, details: { version: out.version } })
});

export const publishCall = defineVerb({
	name: 'funding.call.publish',
	summary: 'Publish a draft call on the public pages, once its rules hold together and its deadline is ahead',
	permission: permission('funding.programme.manage'),
	input: callIdInput,
	writes: true,
	access: (ctx, { id }) => callFor(ctx, id),
	run: async (ctx, _input, call) => {
		if (call.status !== 'draft') throw new ConflictError();
		const problems = publishProblems(call.rules, new Date());
		if (Object.keys(problems).length) throw new InvalidError(problems);
		await ctx.db
			.update(fundingCall)
			.set({ status: 'published', publishedAt: new Date(), version: call.version + 1, updatedAt: new Date() })
			.where(eq(fundingCall.id, call.id));
		return { id: call.id, status: 'published' as const };
	},
	audit: (_input, out) => ({ action: 'update', entity: 'funding_call', entityId: out.id, details: { status: out.status } })
});

export const closeCall = defineVerb({
	name: 'funding.call.close',
	summary: 'Close a published call: no new applications; it stays on the public list as closed',
	permission: permission('funding.programme.manage'),
	input: callIdInput,
	writes: true,
	access: (ctx, { id }) => callFor(ctx, id),
	run: async (ctx, _input, call) => {
		if (call.status !== 'published') throw new ConflictError();
		await ctx.db
			.update(fundingCall)
			.set({ status: 'closed', version: call.version + 1, updatedAt: new Date() })
			.where(eq(fundingCall.id, call.id));
		return { id: call.id, status: 'closed' as const };
	},
	audit: (_input, out) => ({ action: 'update', entity: 'funding_call', entityId: out.id, details: { status: out.status } })
});
