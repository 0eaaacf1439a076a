import Graph from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { MapEdge, MapNodeKind } from '../../network/types.ts';

// The network map's pure part: one undirected simple graph (two relationships between the same two
// ends are one tie), its metrics and a stable layout. No I/O: map.ts loads the rows, this decides.

export type GraphNode = { id: string; kind: MapNodeKind };

export type Metrics = {
	degree: Map<string, number>;
	betweenness: Map<string, number>;
	method: 'exact' | 'sampled';
	sources: number;
};

/**
 * Exact betweenness (Brandes, through graphology-metrics) costs order × size; above this budget it
 * took more than the map's 1 s on a 5 000-node, 20 000-edge neighbourhood (5.8 s measured), so larger
 * maps are estimated from SAMPLE_SOURCES sources (docs/performance.md gives the error measured).
 */
export const EXACT_BUDGET = 5_000_000;
export const SAMPLE_SOURCES = 256;
/**
 * A partner "bridges" when it lies on a shortest path between two others at all (betweenness above 0);
 * the list ranks them. A fixed share (first 1 %) hid real bridges as soon as the neighbourhood grew:
 * normalised betweenness shrinks with the number of pairs, and the demo's twenty partners in one
 * neighbourhood pushed a bridge between two small groups under it.
 */
export const BRIDGE_THRESHOLD = 0;
export const BRIDGE_MAX = 10;

export function buildGraph(nodes: readonly GraphNode[], edges: readonly Pick<MapEdge, 'source' | 'target'>[]): Graph {
	const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
	// In id order, whatever order the rows came in: the layout and the sampled sources follow the
	// graph's order, so the same data always gives the same picture and figures.
	const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
	for (const n of [...nodes].sort((a, b) => byId(a.id, b.id))) graph.mergeNode(n.id, { kind: n.kind });
	const ends = (e: Pick<MapEdge, 'source' | 'target'>) => (byId(e.source, e.target) < 0 ? `${e.source} ${e.target}` : `${e.target} ${e.source}`);
	for (const e of [...edges].sort((a, b) => byId(ends(a), ends(b)))) {
		if (e.source === e.target || !graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
		graph.mergeEdge(e.source, e.target);
	}
	return graph;
}

export function metrics(graph: Graph): Metrics {
	const degree = new Map<string, number>();
	graph.forEachNode((id) => degree.set(id, graph.degree(id)));
	// graphology-metrics refuses an empty graph (its stack wants a positive capacity).
	if (graph.order === 0) return { degree, betweenness: new Map(), method: 'exact', sources: 0 };
	if (graph.order * Math.max(graph.size, 1) <= EXACT_BUDGET) {
		const exact = betweennessCentrality(graph, { getEdgeWeight: null, normalized: true });
		return { degree, betweenness: new Map(Object.entries(exact)), method: 'exact', sources: graph.order };
	}
	return { degree, ...sampledBetweenness(graph, SAMPLE_SOURCES) };
}

/**
 * Brandes' accumulation from `k` sources spread evenly over the nodes (in their stable order, so the
 * same data gives the same figures), scaled by order / k: an unbiased estimate of the exact sum
 * (Brandes & Pich 2007). Normalised as graphology-metrics does, so both methods read alike.
 */
export function sampledBetweenness(graph: Graph, k: number): Pick<Metrics, 'betweenness' | 'method' | 'sources'> {
	const ids = graph.nodes();
	const n = ids.length;
	const index = new Map(ids.map((id, i) => [id, i]));
	// Adjacency as two flat arrays (CSR): the inner loops touch no Map and allocate nothing.
	const starts = new Uint32Array(n + 1);
	for (let i = 0; i < n; i++) starts[i + 1] = starts[i]! + graph.degree(ids[i]!);
	const adjacent = new Uint32Array(starts[n]!);
	for (let i = 0; i < n; i++) {
		let j = starts[i]!;
		graph.forEachNeighbor(ids[i]!, (other) => (adjacent[j++] = index.get(other)!));
	}
	const sources = Math.min(k, n);
	const total = new Float64Array(n);
	const dist = new Int32Array(n);
	const paths = new Float64Array(n);
	const delta = new Float64Array(n);
	const stack = new Uint32Array(n);
	for (let s = 0; s < sources; s++) {
		const source = Math.floor((s * n) / sources);
		dist.fill(-1);
		paths.fill(0);
		delta.fill(0);
		dist[source] = 0;
		paths[source] = 1;
		// The stack doubles as the BFS queue: nodes leave it in the order they were found.
		let head = 0;
		let size = 0;
		stack[size++] = source;
		while (head < size) {
			const v = stack[head++]!;
			for (let j = starts[v]!; j < starts[v + 1]!; j++) {
				const w = adjacent[j]!;
				if (dist[w] === -1) {
					dist[w] = dist[v]! + 1;
					stack[size++] = w;
				}
				if (dist[w] === dist[v]! + 1) paths[w] = paths[w]! + paths[v]!;
			}
		}
		for (let i = size - 1; i > 0; i--) {
			const w = stack[i]!;
			for (let j = starts[w]!; j < starts[w + 1]!; j++) {
				const v = adjacent[j]!;
				if (dist[v] === dist[w]! - 1) delta[v] = delta[v]! + (paths[v]! / paths[w]!) * (1 + delta[w]!);
			}
			total[w] = total[w]! + delta[w]!;
		}
	}
	const scale = n <= 2 ? 0 : n / sources / ((n - 1) * (n - 2));
	return { betweenness: new Map(ids.map((id, i) => [id, total[i]! * scale])), method: sources === n ? 'exact' : 'sampled', sources };
}

/** A number in [0, 1) from a string (FNV-1a): the same id always lands on the same spot. */
function unit(text: string, salt: number): number {
	let h = 0x811c9dc5 ^ salt;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return (h >>> 0) / 2 ** 32;
}

/**
 * Positions in [0, 1] × [0, 1]: each node starts where its id says, then ForceAtlas2 (deterministic
 * from there) pulls ties together. Its cost grows with the map, so large maps get fewer iterations
 * (the picture stays stable between loads either way).
 */
export function layout(graph: Graph): Map<string, { x: number; y: number }> {
	graph.forEachNode((id) => graph.mergeNodeAttributes(id, { x: unit(id, 1) * 100, y: unit(id, 2) * 100 }));
	if (graph.size > 0) {
		const iterations = Math.max(3, Math.min(200, Math.floor(100_000 / (graph.order + graph.size))));
		const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 };
		forceAtlas2.assign(graph, { iterations, settings });
	}
	let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
	graph.forEachNode((_id, a) => {
		minX = Math.min(minX, a.x);
		maxX = Math.max(maxX, a.x);
		minY = Math.min(minY, a.y);
		maxY = Math.max(maxY, a.y);
	});
	const span = Math.max(maxX - minX, maxY - minY) || 1;
	const positions = new Map<string, { x: number; y: number }>();
	graph.forEachNode((id, a) => positions.set(id, { x: round((a.x - minX) / span), y: round((a.y - minY) / span) }));
	return positions;
}

const round = (v: number) => Math.round(v * 10_000) / 10_000;

/** People with no tie or one tie, fewest ties first (then in the nodes' order). */
export function isolatedPeople(nodes: readonly GraphNode[], degree: ReadonlyMap<string, number>): string[] {
	return nodes
		.filter((n) => n.kind === 'person' && (degree.get(n.id) ?? 0) <= 1)
		.sort((a, b) => (degree.get(a.id) ?? 0) - (degree.get(b.id) ?? 0))
		.map((n) => n.id);
}

/** Partners above BRIDGE_THRESHOLD, highest betweenness first, at most BRIDGE_MAX. */
export function bridgingPartners(nodes: readonly GraphNode[], betweenness: ReadonlyMap<string, number>): string[] {
	return nodes
		.filter((n) => n.kind === 'partner' && (betweenness.get(n.id) ?? 0) > BRIDGE_THRESHOLD)
		.sort((a, b) => betweenness.get(b.id)! - betweenness.get(a.id)!)
		.slice(0, BRIDGE_MAX)
		.map((n) => n.id);
}
