import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { InvalidError, NotFoundError, defineVerb, todayInBelgium, type Ctx } from '../core/index.ts';
import { permission } from '../access/index.ts';
import { networkRelationship } from './schema.ts';
import { createRelationshipInput, endRelationshipInput, nodeInput } from './validation.ts';
import { mayReach, nodesByKey, reachNode, type Node } from './nodes.ts';
import { kindsFit, nodeKey } from './rules.ts';
import { SYMMETRIC } from './labels.ts';
import { mayRead, reachesOrganisation } from './reach.ts';

// Ties between people, households and partners: stored once, read from both ends, ended but never
// deleted (the map of a past period still shows them).

/** Where a tie lives: its organisation, and the neighbourhood of its first person or household end. */
const placeOf = (from: Node, to: Node) => ({
	organisationId: from.organisationId,
	areaId: [from, to].find((n) => n.kind !== 'partner' && n.areaId)?.areaId ?? null
});

/**
 * Whether `to` already belongs, through current member_of ties, to `from` (one recursive query up the
 * chain from `to`): then "from member of to" would close a circle. UNION, not UNION ALL, so a circle
 * already in the data cannot make it loop.
 */
async function wouldCycle(ctx: Ctx, fromKey: string, toKey: string, today: string): Promise<boolean> {
	const rows = await ctx.db.execute(sql`
		with recursive up(key) as (
			select ${toKey}::text
			union
			select r.to_key from network_relationship r join up on r.from_key = up.key
			where r.type = 'member_of' and (r.ends_on is null or r.ends_on > ${today}::date)
		)
		select 1 from up where key = ${fromKey} limit 1`);
	return rows.rows.length > 0;
}

export const createRelationship = defineVerb({
	name: 'network.relationship.create',
	summary: 'Tie two of a person, a household and a partner organisation (knows, family, member of, contact person at…)',
	permission: permission('network.relationship.manage'),
	input: createRelationshipInput,
	writes: true,
	access: async (ctx, input) => {
		// Each end must be one the actor may tie; an end outside the actor's scope is the same 404 as an unknown one.
		const from = await reachNode(ctx, input.fromKind, input.fromId, 'manage');
		const to = await reachNode(ctx, input.toKind, input.toId, 'manage');
		if (from.organisationId !== to.organisationId) throw new NotFoundError();
		return { from, to };
	},
	run: async (ctx, input, { from, to }) => {
		if (!kindsFit(input.type, from.kind, to.kind)) throw new InvalidError({ toKind: 'network_error_kinds' });
		const [fromKey, toKey] = [nodeKey(from.kind, from.id), nodeKey(to.kind, to.id)];
		const today = todayInBelgium();
		const reverse = SYMMETRIC.has(input.type) ? and(eq(networkRelationship.fromKey, toKey), eq(networkRelationship.toKey, fromKey)) : sql`false`;
		const [same] = await ctx.db
			.select({ id: networkRelationship.id })
			.from(networkRelationship)
			.where(
				and(
					eq(networkRelationship.type, input.type),
					or(and(eq(networkRelationship.fromKey, fromKey), eq(networkRelationship.toKey, toKey)), reverse),
					or(isNull(networkRelationship.endsOn), sql`${networkRelationship.endsOn} > ${today}::date`)
				)
			)
			.limit(1);
		if (same) throw new InvalidError({ toId: 'network_error_exists' });
		if (input.type === 'member_of') {
			// Two member_of ties written at once could close a circle neither sees: one at a time per organisation.
			await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`network.member_of:${from.organisationId}`}))`);
			if (await wouldCycle(ctx, fromKey, toKey, today)) throw new InvalidError({ toId: 'network_error_cycle' });
		}
		const end = (side: 'from' | 'to', n: Node) => ({
			[`${side}Kind`]: n.kind,
			[`${side}PersonId`]: n.kind === 'person' ? n.id : null,
			[`${side}HouseholdId`]: n.kind === 'household' ? n.id : null,
			[`${side}PartnerId`]: n.kind === 'partner' ? n.id : null
		});
		const [row] = await ctx.db
			.insert(networkRelationship)
			.values({
				...(end('from', from) as { fromKind: Node['kind'] }),
				...(end('to', to) as { toKind: Node['kind'] }),
				...placeOf(from, to),
				type: input.type,
				role: input.role ?? null,
				note: input.note ?? null,
				access: input.access,
				startsOn: input.startsOn ?? null,
				endsOn: input.endsOn ?? null,
				createdByUserId: ctx.actor.userId
			})
			.returning({ id: networkRelationship.id, fromKey: networkRelationship.fromKey, toKey: networkRelationship.toKey });
		return row!;
	},
	audit: (input, row) => ({ action: 'create', entity: 'network_relationship', entityId: row.id, details: { type: input.type } })
});

/** Whether the actor may change this tie: it may manage each of its ends (the tie's own place lies between them). */
async function tieInReach(ctx: Ctx, id: string) {
	const [tie] = await ctx.db.select().from(networkRelationship).where(eq(networkRelationship.id, id)).for('update');
	if (!tie) throw new NotFoundError();
	const ends = await nodesByKey(ctx, [tie.fromKey!, tie.toKey!]);
	const nodes = [ends.get(tie.fromKey!), ends.get(tie.toKey!)];
	if (nodes.some((n) => !n || !mayReach(ctx.actor, n, 'manage'))) throw new NotFoundError();
	return tie;
}

export const endRelationship = defineVerb({
	name: 'network.relationship.end',
	summary: 'End a tie on a day (today by default): the tie is kept as history',
	permission: permission('network.relationship.manage'),
	input: endRelationshipInput,
	writes: true,
	access: (ctx, { id }) => tieInReach(ctx, id),
	run: async (ctx, input, tie) => {
		const endsOn = input.endsOn ?? todayInBelgium();
		if (tie.startsOn && endsOn < tie.startsOn) throw new InvalidError({ endsOn: 'network_error_ends_before' });
		if (tie.endsOn && tie.endsOn <= endsOn) throw new InvalidError({ endsOn: 'network_error_ended' });
		await ctx.db.update(networkRelationship).set({ endsOn, updatedAt: new Date() }).where(eq(networkRelationship.id, tie.id));
		return { id: tie.id, endsOn };
	},
	audit: (_input, out) => ({ action: 'update', entity: 'network_relationship', entityId: out.id, details: { endsOn: out.endsOn } })
});

type Tie = {
	id: string;
	type: (typeof networkRelationship.$inferSelect)['type'];
	side: 'from' | 'to';
	other: { kind: Node['kind']; id: string; name: string | null; readable: boolean };
	role: string | null;
	note: string | null;
	startsOn: string | null;
	endsOn: string | null;
	current: boolean;
};

/**
 * Every tie of one node, current and ended, in one indexed lookup on both key columns. The other end
 * is named only when the actor may read it; a tie is personal data, so the read is audited.
 */
export const listTies = defineVerb({
	name: 'network.relationship.list',
	summary: 'All ties of a person, a household or a partner organisation, current and ended (the read is audited)',
	permission: permission('people.person.read'),
	input: nodeInput,
	writes: false,
	access: (ctx, { kind, id }) => reachNode(ctx, kind, id, 'read'),
	run: async (ctx, _input, node): Promise<Tie[]> => {
		const key = nodeKey(node.kind, node.id);
		const rows = await ctx.db
			.select()
			.from(networkRelationship)
			.where(or(eq(networkRelationship.fromKey, key), eq(networkRelationship.toKey, key)))
			.orderBy(asc(networkRelationship.type), asc(networkRelationship.createdAt));
		const others = await nodesByKey(
			ctx,
			rows.map((r) => (r.fromKey === key ? r.toKey! : r.fromKey!))
		);
		const today = todayInBelgium();
		return rows.map((r) => {
			const side = r.fromKey === key ? 'from' : 'to';
			const otherKey = side === 'from' ? r.toKey! : r.fromKey!;
			const o = others.get(otherKey);
			const [kind, id] = otherKey.split(':') as [Node['kind'], string];
			const readable = !!o && (kind === 'partner' ? reachesOrganisation(ctx.actor, 'network.partner.read', o.organisationId) : mayRead(ctx.actor, o));
			return {
				id: r.id,
				type: r.type,
				side,
				other: { kind, id, name: readable ? (o?.name ?? null) : null, readable },
				role: r.role,
				note: r.note,
				startsOn: r.startsOn,
				endsOn: r.endsOn,
				current: !r.endsOn || r.endsOn > today
			};
		});
	},
	audit: ({ kind, id }) => ({ action: 'read', entity: 'network_relationship', details: { node: `${kind}:${id}` } })
});
