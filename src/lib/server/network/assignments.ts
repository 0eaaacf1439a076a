import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { InvalidError, NotFoundError, defineVerb, todayInBelgium, type Ctx } from '../core/index.ts';
import { accessRoleGrant, permission } from '../access/index.ts';
import { peoplePerson } from '../people/index.ts';
import { networkAssignment } from './schema.ts';
import { assignWorkerInput, endAssignmentInput } from './validation.ts';
import { findNode } from './nodes.ts';
import { placeCovered } from './reach.ts';

// Who is a person's worker: work, kept apart from social ties (ending a tie never ends the work, and
// a closed case keeps the history of who followed it).

const WORKER_ROLES = ['facilitator', 'outreach', 'coordinator'] as const;

async function person(ctx: Ctx, id: string) {
	const node = await findNode(ctx, 'person', id);
	return node && { id: node.id, organisationId: node.organisationId, areaId: node.areaId };
}

/** The staff of an organisation who can be someone's worker: people with an account and a staff role there. */
function workersOf(ctx: Ctx, organisationId: string) {
	return ctx.db
		.selectDistinct({ id: peoplePerson.id, firstName: peoplePerson.firstName, lastName: peoplePerson.lastName })
		.from(peoplePerson)
		.innerJoin(accessRoleGrant, eq(accessRoleGrant.personId, peoplePerson.id))
		.where(
			and(
				eq(accessRoleGrant.organisationId, organisationId),
				inArray(accessRoleGrant.role, [...WORKER_ROLES]),
				sql`${peoplePerson.userId} is not null`
			)
		)
		.orderBy(asc(peoplePerson.firstName), asc(peoplePerson.id));
}

export const assignWorker = defineVerb({
	name: 'network.assignment.create',
	summary: 'Make a staff member a person’s worker from a day (today by default)',
	permission: permission('network.assignment.manage'),
	input: assignWorkerInput,
	writes: true,
	access: async (ctx, { personId }) => placeCovered(ctx.actor, 'network.assignment.manage', await person(ctx, personId)),
	run: async (ctx, input, p) => {
		const workers = await workersOf(ctx, p.organisationId);
		if (!workers.some((w) => w.id === input.workerPersonId) || input.workerPersonId === p.id)
			throw new InvalidError({ workerPersonId: 'network_error_worker' });
		const [open] = await ctx.db
			.select({ id: networkAssignment.id })
			.from(networkAssignment)
			.where(and(eq(networkAssignment.personId, p.id), eq(networkAssignment.workerPersonId, input.workerPersonId), isNull(networkAssignment.endsOn)));
		if (open) throw new InvalidError({ workerPersonId: 'network_error_worker_already' });
		const [row] = await ctx.db
			.insert(networkAssignment)
			.values({
				organisationId: p.organisationId,
				areaId: p.areaId,
				personId: p.id,
				workerPersonId: input.workerPersonId,
				startsOn: input.startsOn ?? todayInBelgium()
			})
			.returning({ id: networkAssignment.id });
		return row!;
	},
	audit: (input, row) => ({ action: 'create', entity: 'network_assignment', entityId: row.id, onBehalfOfPersonId: input.personId })
});

export const endAssignment = defineVerb({
	name: 'network.assignment.end',
	summary: 'End a worker’s assignment on a day (today by default); the history stays',
	permission: permission('network.assignment.manage'),
	input: endAssignmentInput,
	writes: true,
	access: async (ctx, { id }) => {
		const [a] = await ctx.db.select().from(networkAssignment).where(eq(networkAssignment.id, id)).for('update');
		if (!a) throw new NotFoundError();
		return { ...placeCovered(ctx.actor, 'network.assignment.manage', await person(ctx, a.personId)), assignment: a };
	},
	run: async (ctx, input, { assignment }) => {
		const endsOn = input.endsOn ?? todayInBelgium();
		if (assignment.endsOn) throw new InvalidError({ endsOn: 'network_error_ended' });
		if (endsOn < assignment.startsOn) throw new InvalidError({ endsOn: 'network_error_ends_before' });
		await ctx.db.update(networkAssignment).set({ endsOn }).where(eq(networkAssignment.id, assignment.id));
		return { id: assignment.id, endsOn };
	},
	audit: (_input, out) => ({ action: 'update', entity: 'network_assignment', entityId: out.id, details: { endsOn: out.endsOn } })
});

/** A person's workers, current first, and who could become one (for the form, when the actor may assign). */
export const listAssignments = defineVerb({
	name: 'network.assignment.list',
	summary: 'A person’s workers, now and before',
	permission: permission('people.person.read'),
	input: z.object({ personId: z.uuid('error_not_found') }),
	writes: false,
	access: async (ctx, { personId }) => placeCovered(ctx.actor, 'people.person.read', await person(ctx, personId)),
	run: async (ctx, _input, p) => {
		const rows = await ctx.db
			.select({
				id: networkAssignment.id,
				workerPersonId: networkAssignment.workerPersonId,
				firstName: peoplePerson.firstName,
				lastName: peoplePerson.lastName,
				startsOn: networkAssignment.startsOn,
				endsOn: networkAssignment.endsOn
			})
			.from(networkAssignment)
			.innerJoin(peoplePerson, eq(peoplePerson.id, networkAssignment.workerPersonId))
			.where(eq(networkAssignment.personId, p.id))
			.orderBy(sql`${networkAssignment.endsOn} is not null`, asc(networkAssignment.startsOn));
		const today = todayInBelgium();
		return {
			assignments: rows.map((r) => ({ ...r, current: !r.endsOn || r.endsOn > today })),
			choices: (await workersOf(ctx, p.organisationId)).filter((w) => w.id !== p.id && !rows.some((r) => r.workerPersonId === w.id && !r.endsOn))
		};
	}
});
