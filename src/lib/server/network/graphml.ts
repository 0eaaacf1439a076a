// A GraphML writer (graphology-graphml only parses): the map's nodes and ties with their attributes,
// for Gephi, yEd or Cytoscape. Every text goes through `xml`, so a name like "Café <De Ster> & co"
// stays data; characters XML 1.0 cannot carry at all are dropped.

export type GraphmlKey = { id: string; for: 'node' | 'edge'; type: 'string' | 'int' | 'double' | 'boolean' };
export type GraphmlElement = { id: string; data: Record<string, string | number | boolean> };
export type GraphmlEdge = GraphmlElement & { source: string; target: string };

// eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Without the characters XML 1.0 cannot carry, even escaped (graphology-gexf writes them as they are). */
export const xmlSafe = (text: string) => text.replace(FORBIDDEN, '');

export function xml(text: string): string {
	return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const data = (values: GraphmlElement['data']) =>
	Object.entries(values)
		.map(([k, v]) => `<data key="${xml(k)}">${xml(String(v))}</data>`)
		.join('');

export function writeGraphml(keys: readonly GraphmlKey[], nodes: readonly GraphmlElement[], edges: readonly GraphmlEdge[]): string {
	const out = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
		...keys.map((k) => `<key id="${xml(k.id)}" for="${k.for}" attr.name="${xml(k.id)}" attr.type="${k.type}"/>`),
		'<graph id="network" edgedefault="undirected">',
		...nodes.map((n) => `<node id="${xml(n.id)}">${data(n.data)}</node>`),
		...edges.map((e) => `<edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}">${data(e.data)}</edge>`),
		'</graph>',
		'</graphml>'
	];
	return out.join('\n') + '\n';
}
