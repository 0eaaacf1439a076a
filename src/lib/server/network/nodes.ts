import { eq, inArray } from 'drizzle-orm';
import type { Actor, Ctx } from '../core/index.ts';
import { NotFoundError } from '../core/index.ts';
import { covers, grantsHolding, type PermissionName } from '../access/index.ts';
import { peopleHousehold, peoplePerson } from '../people/index.ts';
import { networkPartner } from './schema.ts';
import { reachesOrganisation } from './reach.ts';
import type { NodeKind } from './rules.ts';

// The three kinds of node a tie joins, read the same way: where it lives and what to call it.

export type Node = { kind: NodeKind; id: string; organisationId: string; areaId: string | null; name: string | null };

/** One node with its place, or undefined when there is none (an erased or merged person is none). */
export async function findNode(ctx: Ctx, kind: NodeKind, id: string): Promise<Node | undefined> {
	if (kind === 'person') {
		const [p] = await ctx.db
			.select({
				id: peoplePerson.id,
				organisationId: peoplePerson.organisationId,
				areaId: peoplePerson.areaId,
				first: peoplePerson.firstName,
				last: peoplePerson.lastName,
				mergedIntoId: peoplePerson.mergedIntoId,
				erasedAt: peoplePerson.erasedAt
			})
			.from(peoplePerson)
			.where(eq(peoplePerson.id, id));
		if (!p || !p.organisationId || p.mergedIntoId || p.erasedAt) return undefined;
		return { kind, id, organisationId: p.organisationId, areaId: p.areaId, name: [p.first, p.last].filter(Boolean).join(' ') };
	}
	if (kind === 'household') {
		const [h] = await ctx.db.select().from(peopleHousehold).where(eq(peopleHousehold.id, id));
		return h && { kind, id, organisationId: h.organisationId, areaId: h.areaId, name: h.name };
	}
	const [pa] = await ctx.db.select().from(networkPartner).where(eq(networkPartner.id, id));
	return pa && { kind, id, organisationId: pa.organisationId, areaId: null, name: pa.name };
}

/**
 * Whether the actor may see (read) or tie (manage) this node: people and households by their place,
 * partners by their organisation (network/reach.ts).
 */
export function mayReach(actor: Actor, node: Node, use: 'read' | 'manage'): boolean {
	if (node.kind === 'partner')
		return reachesOrganisation(actor, use === 'read' ? 'network.partner.read' : 'network.relationship.manage', node.organisationId);
	const permission: PermissionName = use === 'read' ? 'people.person.read' : 'network.relationship.manage';
	return grantsHolding(actor, permission).some((g) => covers(g, node));
}

/** The node, when the actor may reach it; otherwise the 404 of an unknown one. */
export async function reachNode(ctx: Ctx, kind: NodeKind, id: string, use: 'read' | 'manage'): Promise<Node> {
	const node = await findNode(ctx, kind, id);
	if (!node || !mayReach(ctx.actor, node, use)) throw new NotFoundError();
	return node;
}

/** Names and places of many nodes at once (the other ends of a node's ties): three queries at most. */
export async function nodesByKey(ctx: Ctx, keys: string[]): Promise<Map<string, Node>> {
	const ids = (kind: NodeKind) => keys.filter((k) => k.startsWith(`${kind}:`)).map((k) => k.slice(kind.length + 1));
	const out = new Map<string, Node>();
	const [people, households, partners] = [ids('person'), ids('household'), ids('partner')];
	if (people.length)
		for (const p of await ctx.db
			.select({ id: peoplePerson.id, o: peoplePerson.organisationId, a: peoplePerson.areaId, f: peoplePerson.firstName, l: peoplePerson.lastName })
			.from(peoplePerson)
			.where(inArray(peoplePerson.id, people)))
			out.set(`person:${p.id}`, { kind: 'person', id: p.id, organisationId: p.o ?? '', areaId: p.a, name: [p.f, p.l].filter(Boolean).join(' ') });
	if (households.length)
		for (const h of await ctx.db.select().from(peopleHousehold).where(inArray(peopleHousehold.id, households)))
			out.set(`household:${h.id}`, { kind: 'household', id: h.id, organisationId: h.organisationId, areaId: h.areaId, name: h.name });
	if (partners.length)
		for (const p of await ctx.db
			.select({ id: networkPartner.id, o: networkPartner.organisationId, n: networkPartner.name })
			.from(networkPartner)
			.where(inArray(networkPartner.id, partners)))
			out.set(`partner:${p.id}`, { kind: 'partner', id: p.id, organisationId: p.o, areaId: null, name: p.n });
	return out;
}
