// The network map's shapes, shared by the server (network/map.ts), the SVG picture and the sigma.js
// island in the browser; so it holds no server code.

export const MAP_NODE_KINDS = ['person', 'household', 'partner'] as const;
export type MapNodeKind = (typeof MAP_NODE_KINDS)[number];

/** A relationship type (network_relationship.type) or a household membership. */
export type MapEdgeType = 'knows' | 'family' | 'neighbour' | 'member_of' | 'contact_person_at' | 'works_with' | 'referred_to' | 'household';

export type MapNode = {
	/** "person:<uuid>", "household:<uuid>", "partner:<uuid>": the same key as network_relationship's ends. */
	id: string;
	kind: MapNodeKind;
	/** Initials unless names were asked for and the actor may read that person; a partner's own name. */
	label: string;
	named: boolean;
	/** The person's record, only when the actor may read it. */
	href: string | null;
	x: number;
	y: number;
	/** Distinct other nodes tied to this one. */
	degree: number;
	/** Normalised betweenness, 0…1. */
	betweenness: number;
};

export type MapEdge = { id: string; source: string; target: string; type: MapEdgeType; ended: boolean };

export type NetworkMap = {
	nodes: MapNode[];
	edges: MapEdge[];
	/** People with no tie or one tie, fewest first. */
	isolated: string[];
	/** Partners whose betweenness is above BRIDGE_THRESHOLD, highest first (at most BRIDGE_MAX). */
	bridging: string[];
	/** How betweenness was computed: exactly, or from a sample of source nodes (large maps). */
	betweenness: { method: 'exact' | 'sampled'; sources: number };
	namedCount: number;
};

/** One colour per node type (never the only cue: the shape differs too), contrast ≥ 3:1 on white. */
export const KIND_COLORS: Record<MapNodeKind, string> = { person: '#1d6fb8', household: '#a35200', partner: '#2e7d32' };
