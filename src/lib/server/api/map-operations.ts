import { z } from 'zod';
import { EDGE_TYPES, TIE_TYPES, getNetwork, type NetworkResult } from '../network/index.ts';
import { THEMES } from '../../themes.ts';
import { operation, type Operation } from './operation.ts';

// The network map (issue 13, part C): GET /network, the same data as the /network page.

const flag = z.enum(['0', '1', 'true', 'false'], 'error_choice');
const day = z.iso.date('error_date');

const networkQuery = z.object({
	area: z
		.uuid('error_choice')
		.optional()
		.describe('One neighbourhood: its people and households, the partners serving it, and what they are tied to.'),
	caseload: flag
		.optional()
		.describe(
			'1: the people assigned to the caller (network_assignment) and what they are tied to; with area, only those living there. Either area or caseload is required.'
		),
	type: z.enum(TIE_TYPES, 'error_choice').optional().describe('Only ties of this type (member_of keeps household membership too).'),
	theme: z.enum(THEMES, 'error_choice').optional().describe('Only partner organisations helping with this theme.'),
	from: day.optional().describe('First day of the period, YYYY-MM-DD; default: to (or today).'),
	to: day.optional().describe('Last day of the period, YYYY-MM-DD; default: today. A tie is drawn when its dates overlap the period.'),
	names: flag
		.optional()
		.describe('1: real names for the people the caller may read anyway (people.person.read); the answer is then audited (one row, with the count).')
});

const nodeSchema = z
	.object({
		id: z.string().describe('"person:<uuid>", "household:<uuid>" or "partner:<uuid>".'),
		kind: z.enum(['person', 'household', 'partner']),
		label: z.string().describe('Initials (pseudonymised), a name when allowed and asked for, or a partner’s own name.'),
		named: z.boolean(),
		href: z.string().nullable().describe('The record’s page, when the caller may read it.'),
		x: z.number().describe('Position from the layout, 0–1 (stable between calls).'),
		y: z.number(),
		degree: z.number().int().describe('Distinct other nodes tied to this one.'),
		betweenness: z.number().describe('Normalised betweenness centrality, 0–1.')
	})
	.meta({ id: 'NetworkNode' });

const edgeSchema = z
	.object({
		id: z.string(),
		source: z.string(),
		target: z.string(),
		type: z.enum(EDGE_TYPES).describe('A relationship type, or household (membership).'),
		ended: z.boolean().describe('It ended within the period (drawn dashed).')
	})
	.meta({ id: 'NetworkEdge' });

const networkResponse = z
	.object({
		nodes: z.array(nodeSchema),
		edges: z.array(edgeSchema),
		isolated: z.array(z.string()).describe('People with no tie or one tie, fewest first.'),
		bridging: z.array(z.string()).describe('Partners on more than 1 % of the shortest paths between other nodes, highest first (at most 10).'),
		betweenness: z
			.object({ method: z.enum(['exact', 'sampled']), sources: z.number().int() })
			.describe('Exact, or estimated from this many source nodes on large maps.'),
		namedCount: z.number().int().describe('Nodes carrying a real name.'),
		period: z.object({ from: day, to: day })
	})
	.meta({
		id: 'Network',
		description: 'Nodes, ties and metrics of one neighbourhood or caseload, in the caller’s scope only. Pseudonymised unless names=1.'
	});

export const MAP_OPERATIONS: Operation[] = [
	operation({
		method: 'get',
		path: '/network',
		operationId: 'getNetwork',
		verb: getNetwork,
		query: networkQuery,
		response: networkResponse,
		respond: ({ query, ...map }: NetworkResult) => ({ ...map, period: { from: query.from, to: query.to } })
	})
];
