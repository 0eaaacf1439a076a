import type { MapEdge, MapNode, MapNodeKind } from './types.ts';

// The static picture's marks as a few SVG paths (one per kind, one for the outlines, two for the ties)
// instead of one element per node and tie: a neighbourhood of 5 000 nodes and 20 000 ties is then six
// elements to send, parse and hydrate, not 25 000.

export const PICTURE_SIZE = 1000;
const PAD = 40;
export const at = (v: number) => Math.round((PAD + v * (PICTURE_SIZE - 2 * PAD)) * 10) / 10;

/** A mark of `kind` at (x, y) with radius r: a circle (two arcs), a square, a diamond. */
export function markPath(kind: MapNodeKind, x: number, y: number, r: number): string {
	if (kind === 'person') return `M${x - r} ${y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
	if (kind === 'household') return `M${x - r} ${y - r}h${2 * r}v${2 * r}h${-2 * r}Z`;
	const d = Math.round(r * 13) / 10;
	return `M${x} ${y - d}l${d} ${d}l${-d} ${d}l${-d} ${-d}Z`;
}

export type Picture = { marks: Record<MapNodeKind, string>; rings: string; ties: string; ended: string; r: number };

export function picture(nodes: readonly MapNode[], edges: readonly MapEdge[], isolated: readonly string[]): Picture {
	const r = nodes.length > 1000 ? 4 : nodes.length > 200 ? 7 : 12;
	const byId = new Map(nodes.map((n) => [n.id, n]));
	const lonely = new Set(isolated);
	const marks: Record<MapNodeKind, string[]> = { person: [], household: [], partner: [] };
	const rings: string[] = [];
	for (const n of nodes) {
		const path = markPath(n.kind, at(n.x), at(n.y), r);
		marks[n.kind].push(path);
		if (lonely.has(n.id)) rings.push(path);
	}
	const ties: string[] = [];
	const ended: string[] = [];
	for (const e of edges) {
		const a = byId.get(e.source);
		const b = byId.get(e.target);
		if (a && b) (e.ended ? ended : ties).push(`M${at(a.x)} ${at(a.y)}L${at(b.x)} ${at(b.y)}`);
	}
	return {
		marks: { person: marks.person.join(''), household: marks.household.join(''), partner: marks.partner.join('') },
		rings: rings.join(''),
		ties: ties.join(''),
		ended: ended.join(''),
		r
	};
}
