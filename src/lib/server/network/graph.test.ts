import { describe, expect, it } from 'vitest';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import { bridgingPartners, buildGraph, isolatedPeople, layout, metrics, sampledBetweenness, type GraphNode } from './graph.ts';

const person = (id: string): GraphNode => ({ id: `person:${id}`, kind: 'person' });
const partner = (id: string): GraphNode => ({ id: `partner:${id}`, kind: 'partner' });
const tie = (a: GraphNode, b: GraphNode) => ({ source: a.id, target: b.id });

function cliquePlusBridge() {
	// Two cliques of five people, joined only through one organisation.
	const left = ['a1', 'a2', 'a3', 'a4', 'a5'].map(person);
	const right = ['b1', 'b2', 'b3', 'b4', 'b5'].map(person);
	const bridge = partner('ocmw');
	const inner = (group: GraphNode[]) => group.flatMap((x, i) => group.slice(i + 1).map((y) => tie(x, y)));
	const nodes = [...left, ...right, bridge, partner('lonely')];
	return { nodes, bridge, edges: [...inner(left), ...inner(right), tie(left[0]!, bridge), tie(bridge, right[0]!)] };
}

describe('network metrics', () => {
	it('a star: the centre has betweenness 1 (normalised), the leaves 0', () => {
		const centre = partner('centre');
		const leaves = ['1', '2', '3', '4', '5', '6'].map(person);
		const m = metrics(
			buildGraph(
				[centre, ...leaves],
				leaves.map((l) => tie(centre, l))
			)
		);
		expect(m.method).toBe('exact');
		expect(m.betweenness.get(centre.id)).toBeCloseTo(1, 10);
		for (const l of leaves) expect(m.betweenness.get(l.id)).toBe(0);
		expect(m.degree.get(centre.id)).toBe(6);
		expect(isolatedPeople([centre, ...leaves], m.degree)).toEqual(leaves.map((l) => l.id));
	});

	it('two cliques joined by one bridge: the bridge has the highest betweenness and is the bridging organisation', () => {
		const { nodes, bridge, edges } = cliquePlusBridge();
		const m = metrics(buildGraph(nodes, edges));
		const top = [...m.betweenness.entries()].sort((x, y) => y[1] - x[1])[0]!;
		expect(top[0]).toBe(bridge.id);
		expect(bridgingPartners(nodes, m.betweenness)).toEqual([bridge.id]);
	});

	it('an isolated node and a one-tie node are listed, fewest ties first; two relationships between the same ends are one tie', () => {
		const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(person) as [GraphNode, GraphNode, GraphNode, GraphNode];
		const nodes = [a, b, c, d];
		const m = metrics(buildGraph(nodes, [tie(a, b), tie(b, a), tie(b, c)]));
		expect(m.degree.get(b.id)).toBe(2);
		expect(isolatedPeople(nodes, m.degree)).toEqual([d.id, a.id, c.id]);
	});

	it('sampled betweenness from every node equals graphology-metrics; from fewer nodes it stays close and keeps the bridge on top', () => {
		const { nodes, bridge, edges } = cliquePlusBridge();
		const graph = buildGraph(nodes, edges);
		const exact = betweennessCentrality(graph, { getEdgeWeight: null });
		const all = sampledBetweenness(graph, graph.order);
		for (const n of nodes) expect(all.betweenness.get(n.id)).toBeCloseTo(exact[n.id]!, 12);
		const some = sampledBetweenness(graph, 6);
		expect(some.method).toBe('sampled');
		const top = [...some.betweenness.entries()].sort((x, y) => y[1] - x[1])[0]!;
		expect(top[0]).toBe(bridge.id);
	});

	it('an empty map has no metrics and no layout, without an error', () => {
		const graph = buildGraph([], []);
		expect(metrics(graph).betweenness.size).toBe(0);
		expect(layout(graph).size).toBe(0);
	});

	it('the layout is the same on every load and fits in the unit square', () => {
		const { nodes, edges } = cliquePlusBridge();
		const first = layout(buildGraph(nodes, edges));
		const again = layout(buildGraph([...nodes].reverse(), edges));
		for (const n of nodes) {
			expect(again.get(n.id)).toEqual(first.get(n.id));
			const p = first.get(n.id)!;
			expect(p.x).toBeGreaterThanOrEqual(0);
			expect(p.y).toBeLessThanOrEqual(1);
		}
	});
});
