// Pure: the weekly proposal. Pair open needs with volunteers so that the total match score is as high
// as possible, every need gets at most one volunteer, and no volunteer gets more new links than the
// room left in their stated capacity. This is a maximum-weight b-matching, solved exactly as a
// min-cost flow (successive shortest paths, Dijkstra with potentials): source → need (1) →
// volunteer (score as negative cost) → sink (room). Augmenting stops at the first path that no
// longer lowers the cost, which is the maximum total score (path costs never decrease).

export type Candidate = { needId: string; volunteerId: string; score: number };
export type Assignment = { pairs: Candidate[]; total: number };

type Edge = { to: number; cap: number; cost: number; rev: number };

class MinHeap {
	private keys: number[] = [];
	private vals: number[] = [];
	get size() {
		return this.keys.length;
	}
	push(key: number, val: number) {
		const k = this.keys;
		const v = this.vals;
		k.push(key);
		v.push(val);
		let i = k.length - 1;
		while (i > 0) {
			const p = (i - 1) >> 1;
			if (k[p]! <= key) break;
			k[i] = k[p]!;
			v[i] = v[p]!;
			i = p;
		}
		k[i] = key;
		v[i] = val;
	}
	pop(): [number, number] {
		const k = this.keys;
		const v = this.vals;
		const top: [number, number] = [k[0]!, v[0]!];
		const lastK = k.pop()!;
		const lastV = v.pop()!;
		if (k.length) {
			let i = 0;
			for (;;) {
				const l = 2 * i + 1;
				if (l >= k.length) break;
				const c = l + 1 < k.length && k[l + 1]! < k[l]! ? l + 1 : l;
				if (k[c]! >= lastK) break;
				k[i] = k[c]!;
				v[i] = v[c]!;
				i = c;
			}
			k[i] = lastK;
			v[i] = lastV;
		}
		return top;
	}
}

const byIds = (a: Candidate, b: Candidate) =>
	a.needId < b.needId ? -1 : a.needId > b.needId ? 1 : a.volunteerId < b.volunteerId ? -1 : a.volunteerId > b.volunteerId ? 1 : 0;

/** The best set of pairings. `room` = new links each volunteer can still take (missing = 0). */
export function weeklyProposal(candidates: Candidate[], room: Record<string, number>): Assignment {
	// Sorted input: the same data in any order gives the same proposal.
	// One edge per need and volunteer (a person with two fitting offers counts once, at the best score).
	const best = new Map<string, Candidate>();
	for (const c of candidates) {
		if (c.score <= 0 || (room[c.volunteerId] ?? 0) <= 0) continue;
		const key = `${c.needId}\u0000${c.volunteerId}`;
		if ((best.get(key)?.score ?? -Infinity) < c.score) best.set(key, c);
	}
	const useful = [...best.values()].sort(byIds);
	const needs = [...new Set(useful.map((c) => c.needId))];
	const vols = [...new Set(useful.map((c) => c.volunteerId))].sort();
	const needIx = new Map(needs.map((id, i) => [id, 1 + i]));
	const volIx = new Map(vols.map((id, i) => [id, 1 + needs.length + i]));
	const S = 0;
	const T = 1 + needs.length + vols.length;
	const graph: Edge[][] = Array.from({ length: T + 1 }, () => []);
	const addEdge = (u: number, v: number, cap: number, cost: number) => {
		graph[u]!.push({ to: v, cap, cost, rev: graph[v]!.length });
		graph[v]!.push({ to: u, cap: 0, cost: -cost, rev: graph[u]!.length - 1 });
	};
	for (const n of needs) addEdge(S, needIx.get(n)!, 1, 0);
	for (const c of useful) addEdge(needIx.get(c.needId)!, volIx.get(c.volunteerId)!, 1, -c.score);
	for (const v of vols) addEdge(volIx.get(v)!, T, room[v]!, 0);

	// Initial potentials: exact shortest distances, since the graph is layered (S, needs, volunteers, T).
	const pot = new Array<number>(T + 1).fill(0);
	for (let v = 1 + needs.length; v < T; v++) pot[v] = Infinity;
	for (let n = 1; n <= needs.length; n++) for (const e of graph[n]!) if (e.cap > 0 && e.to !== S) pot[e.to] = Math.min(pot[e.to]!, e.cost);
	pot[T] = Math.min(0, ...pot.slice(1 + needs.length, T));
	for (let v = 1 + needs.length; v < T; v++) if (pot[v] === Infinity) pot[v] = 0;

	const dist = new Array<number>(T + 1);
	const prevNode = new Int32Array(T + 1);
	const prevEdge = new Int32Array(T + 1);
	for (;;) {
		dist.fill(Infinity);
		dist[S] = 0;
		const heap = new MinHeap();
		heap.push(0, S);
		while (heap.size) {
			const [d, u] = heap.pop();
			if (d > dist[u]!) continue;
			if (u === T) break; // settled: nodes farther away cannot be on this path
			const edges = graph[u]!;
			for (let i = 0; i < edges.length; i++) {
				const e = edges[i]!;
				if (e.cap <= 0) continue;
				const nd = d + e.cost + pot[u]! - pot[e.to]!;
				if (nd < dist[e.to]! - 1e-9) {
					dist[e.to] = nd;
					prevNode[e.to] = u;
					prevEdge[e.to] = i;
					heap.push(nd, e.to);
				}
			}
		}
		if (dist[T] === Infinity) break;
		const pathCost = dist[T]! + pot[T]! - pot[S]!;
		if (pathCost >= 0) break; // no further pairing raises the total
		// Potentials grow by min(dist, dist[T]): this keeps every reduced cost non-negative although
		// the search stopped at T (nodes not settled count as being at T's distance).
		const dT = dist[T]!;
		for (let v = 0; v <= T; v++) pot[v] = pot[v]! + Math.min(dist[v]!, dT);
		for (let v = T; v !== S; v = prevNode[v]!) {
			const e = graph[prevNode[v]!]![prevEdge[v]!]!;
			e.cap -= 1;
			graph[v]![e.rev]!.cap += 1;
		}
	}

	const pairs: Candidate[] = [];
	for (const c of needs) {
		for (const e of graph[needIx.get(c)!]!) {
			if (e.to === S || e.cap !== 0 || e.cost >= 0) continue;
			pairs.push({ needId: c, volunteerId: vols[e.to - 1 - needs.length]!, score: -e.cost });
		}
	}
	return { pairs, total: pairs.reduce((s, p) => s + p.score, 0) };
}

/** The obvious way, for comparison: best pair first, skip what is taken. */
export function greedyProposal(candidates: Candidate[], room: Record<string, number>): Assignment {
	const left = { ...room };
	const taken = new Set<string>();
	const pairs: Candidate[] = [];
	for (const c of [...candidates].sort((a, b) => b.score - a.score || byIds(a, b))) {
		if (c.score <= 0 || taken.has(c.needId) || (left[c.volunteerId] ?? 0) <= 0) continue;
		taken.add(c.needId);
		left[c.volunteerId] = left[c.volunteerId]! - 1;
		pairs.push(c);
	}
	return { pairs, total: pairs.reduce((s, p) => s + p.score, 0) };
}
