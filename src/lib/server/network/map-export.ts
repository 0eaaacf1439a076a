import Graph from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import { KIND_COLORS, type NetworkMap } from '../../network/types.ts';
import { writeGraphml, xmlSafe, type GraphmlKey } from './graphml.ts';

// The map as a file for Gephi users: the very nodes and ties getNetwork gave (same filters, same
// pseudonymisation: a label is what the page showed), with positions, colours and the metrics.

const SIZE = 1000;

/** GEXF 1.3 through graphology-gexf: labels, viz (colour, position, size) and the metrics as attributes. */
export function networkGexf(map: NetworkMap): string {
	const graph = new Graph({ type: 'undirected', multi: true, allowSelfLoops: false });
	for (const n of map.nodes)
		graph.addNode(n.id, {
			label: xmlSafe(n.label),
			kind: n.kind,
			degree: n.degree,
			betweenness: n.betweenness,
			color: KIND_COLORS[n.kind],
			size: 4 + Math.min(n.degree, 20),
			x: n.x * SIZE,
			y: n.y * SIZE
		});
	for (const e of map.edges) graph.addEdgeWithKey(e.id, e.source, e.target, { type: e.type, ended: e.ended });
	return writeGexf(graph, { version: '1.3' });
}

const KEYS: GraphmlKey[] = [
	{ id: 'label', for: 'node', type: 'string' },
	{ id: 'kind', for: 'node', type: 'string' },
	{ id: 'degree', for: 'node', type: 'int' },
	{ id: 'betweenness', for: 'node', type: 'double' },
	{ id: 'x', for: 'node', type: 'double' },
	{ id: 'y', for: 'node', type: 'double' },
	{ id: 'type', for: 'edge', type: 'string' },
	{ id: 'ended', for: 'edge', type: 'boolean' }
];

export function networkGraphml(map: NetworkMap): string {
	return writeGraphml(
		KEYS,
		map.nodes.map((n) => ({
			id: n.id,
			data: { label: n.label, kind: n.kind, degree: n.degree, betweenness: n.betweenness, x: n.x * SIZE, y: n.y * SIZE }
		})),
		map.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, data: { type: e.type, ended: e.ended } }))
	);
}
