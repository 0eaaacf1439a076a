import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { defineVerb, ForbiddenError, InvalidError, todayInBelgium, type Ctx } from '../core/index.ts';
import { can, grantedAreas, grantedOrganisations, permission, scopeFilter } from '../access/index.ts';
import { areasArea } from '../areas/index.ts';
import { peopleHousehold, peoplePerson } from '../people/index.ts';
import type { MapEdge, MapNode, NetworkMap } from '../../network/types.ts';
import { bridgingPartners, buildGraph, isolatedPeople, layout, metrics, type GraphNode } from './graph.ts';
import { loadNetwork, type Loaded, type Period, type PersonRow } from './map-load.ts';
import { getNetworkInput, type NetworkQuery } from './map-validation.ts';
import { networkRelationship } from './schema.ts';

// The network map ("netwerkkaart") of one neighbourhood or of the worker's own caseload: nodes, ties
// and the two things a worker looks for on paper — who has (almost) nobody, and which organisations
// connect groups that would otherwise be apart. Pseudonymised unless names are asked for AND the actor
// may read that person anyway; a map with names is audited (one row, with the count).

const READ = 'network.map.read' as const;

export type NetworkResult = NetworkMap & { query: NetworkQuery & Period };

/** "Maria Peeters" → "M.P.": enough to tell two dots apart on a map the worker knows, not to name anyone. */
export function initials(...parts: (string | null)[]): string {
	const letters = parts
		.flatMap((p) => (p ?? '').trim().split(/[\s-]+/))
		.filter(Boolean)
		.map((w) => `${[...w][0]!.toLocaleUpperCase('nl')}.`);
	return letters.slice(0, 3).join('') || '?';
}

/**
 * Ties that are not relationships: contacts two people share (the contact log, issue 14) will be
 * drawn as edges here, from the same period and scope. Until that log exists there are none.
 */
function sharedContactEdges(_loaded: Loaded): MapEdge[] {
	return [];
}

function edgesOf(loaded: Loaded, period: Period): MapEdge[] {
	const ties = loaded.ties.map((t) => ({
		id: `tie:${t.id}`,
		source: t.fromKey,
		target: t.toKey,
		type: t.type as MapEdge['type'],
		ended: t.endsOn !== null && t.endsOn < period.to
	}));
	const members = loaded.members.map((m) => ({
		id: `member:${m.id}`,
		source: `person:${m.personId}`,
		target: `household:${m.householdId}`,
		type: 'household' as const,
		ended: m.leftOn !== null && m.leftOn < period.to
	}));
	return [...ties, ...members, ...sharedContactEdges(loaded)];
}

export function assemble(ctx: Ctx, loaded: Loaded, input: NetworkQuery & Period): NetworkResult {
	const mayRead = (p: { organisationId: string | null; areaId: string | null }) => can(ctx.actor, 'people.person.read', p);
	const personLabel = (p: PersonRow) => {
		const named = input.names && mayRead(p);
		return { label: named ? [p.firstName, p.lastName].filter(Boolean).join(' ') : initials(p.firstName, p.lastName), named };
	};
	const described = [
		...loaded.people.map((p) => ({ id: `person:${p.id}`, kind: 'person' as const, ...personLabel(p), href: mayRead(p) ? `/people/${p.id}` : null })),
		...loaded.households.map((h) => {
			const named = input.names && mayRead(h) && !!h.name;
			return {
				id: `household:${h.id}`,
				kind: 'household' as const,
				label: named ? h.name! : initials(h.name),
				named,
				href: mayRead(h) ? `/households/${h.id}` : null
			};
		}),
		// An organisation is no person: its own name, always.
		...loaded.partners.map((o) => ({ id: `partner:${o.id}`, kind: 'partner' as const, label: o.name, named: false, href: null }))
	];
	const nodeIds = new Set(described.map((n) => n.id));
	// A tie whose other end the actor may not see (or the theme left out) is not drawn at all.
	const edges = edgesOf(loaded, input).filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target));
	const graphNodes: GraphNode[] = described.map(({ id, kind }) => ({ id, kind }));
	const graph = buildGraph(graphNodes, edges);
	const m = metrics(graph);
	const positions = layout(graph);
	const nodes: MapNode[] = described.map((n) => ({
		...n,
		x: positions.get(n.id)!.x,
		y: positions.get(n.id)!.y,
		degree: m.degree.get(n.id) ?? 0,
		betweenness: Math.round((m.betweenness.get(n.id) ?? 0) * 1e6) / 1e6
	}));
	return {
		nodes,
		edges,
		isolated: isolatedPeople(graphNodes, m.degree),
		bridging: bridgingPartners(graphNodes, m.betweenness),
		betweenness: { method: m.method, sources: m.sources },
		namedCount: nodes.filter((n) => n.named).length,
		query: input
	};
}

export const getNetwork = defineVerb({
	name: 'network.map.read',
	summary:
		'The network map of a neighbourhood or of the caller’s caseload: nodes, ties, isolation and bridging organisations (pseudonymised unless names are asked for and allowed)',
	permission: permission(READ),
	input: getNetworkInput,
	writes: false,
	access: async (ctx, input) => {
		if (input.area) {
			const [area] = await ctx.db.select({ id: areasArea.id }).from(areasArea).where(eq(areasArea.id, input.area));
			if (!area) throw new InvalidError({ area: 'error_choice' });
			const areas = grantedAreas(ctx.actor, READ);
			// Someone bound to neighbourhoods maps only those: another one is a right they do not hold.
			if (areas && !areas.includes(input.area)) throw new ForbiddenError(READ);
		}
		return {
			person: scopeFilter(ctx.actor, READ, { organisation: peoplePerson.organisationId, area: peoplePerson.areaId }),
			household: scopeFilter(ctx.actor, READ, { organisation: peopleHousehold.organisationId, area: peopleHousehold.areaId }),
			relationship: scopeFilter(ctx.actor, READ, { organisation: networkRelationship.organisationId, area: networkRelationship.areaId }),
			partnerOrganisations: grantedOrganisations(ctx.actor, READ)
		};
	},
	run: async (ctx, input, scopes) => {
		const today = todayInBelgium();
		// No period: the web as it is today (ended ties only when a past period is asked for).
		const period = { from: input.from ?? input.to ?? today, to: input.to ?? (input.from && input.from > today ? input.from : today) };
		const loaded = await loadNetwork(
			ctx,
			{ area: input.area, workerPersonId: input.caseload ? ctx.actor.personId : undefined, type: input.type, theme: input.theme, period },
			scopes
		);
		return assemble(ctx, loaded, { ...input, ...period });
	},
	// Names are personal data read in bulk: one row for the whole map, with how many were named.
	audit: (input, output) =>
		input.names
			? {
					action: 'read',
					entity: 'network_map',
					entityId: input.area ?? null,
					details: {
						namedNodes: output.namedCount,
						caseload: input.caseload,
						type: input.type ?? null,
						theme: input.theme ?? null,
						from: output.query.from,
						to: output.query.to
					}
				}
			: null
});

/** The neighbourhoods the actor may map (the page's choice): all of them for an org-wide role. */
export const networkAreaChoices = defineVerb({
	name: 'network.map.area_choices',
	summary: 'The neighbourhoods the caller may see the network map of',
	permission: permission(READ),
	input: z.object({}).default({}),
	writes: false,
	access: (ctx) => grantedAreas(ctx.actor, READ),
	run: (ctx, _input, areas) =>
		ctx.db
			.select({ id: areasArea.id, name: areasArea.name, city: areasArea.city })
			.from(areasArea)
			.where(areas ? inArray(areasArea.id, areas) : undefined)
			.orderBy(asc(areasArea.city), asc(areasArea.name))
});
