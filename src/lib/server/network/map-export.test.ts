import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { DOMParser } from '@xmldom/xmldom';
import type { NetworkMap } from '../../network/types.ts';
import { networkGexf, networkGraphml } from './map-export.ts';
import { xml } from './graphml.ts';

const awkward = 'Café <De Ster> & "co" \'t Hof\u0001';
const map: NetworkMap = {
	nodes: [
		{ id: 'person:1', kind: 'person', label: 'M.P.', named: false, href: null, x: 0, y: 0.5, degree: 1, betweenness: 0 },
		{ id: 'partner:2', kind: 'partner', label: awkward, named: false, href: null, x: 1, y: 1, degree: 2, betweenness: 1 },
		{ id: 'household:3', kind: 'household', label: 'P.', named: false, href: null, x: 0.5, y: 0, degree: 1, betweenness: 0 }
	],
	edges: [
		{ id: 'tie:a', source: 'person:1', target: 'partner:2', type: 'referred_to', ended: true },
		{ id: 'tie:b', source: 'partner:2', target: 'household:3', type: 'works_with', ended: false }
	],
	isolated: ['person:1'],
	bridging: ['partner:2'],
	betweenness: { method: 'exact', sources: 3 },
	namedCount: 0
};

describe('network exports', () => {
	it('GEXF parses back with every node and edge, the awkward name intact', () => {
		const text = networkGexf(map);
		const errors: string[] = [];
		new DOMParser({
			errorHandler: { error: (msg: string) => void errors.push(msg), fatalError: (msg: string) => void errors.push(msg) }
		}).parseFromString(text, 'text/xml');
		expect(errors).toEqual([]);
		expect(text).not.toContain('\u0001');
		const graph = parseGexf(Graph, text);
		expect(graph.order).toBe(3);
		expect(graph.size).toBe(2);
		expect(graph.getNodeAttribute('partner:2', 'label')).toBe(awkward.replace('\u0001', ''));
		expect(graph.getNodeAttribute('partner:2', 'kind')).toBe('partner');
		expect(graph.hasEdge('tie:a')).toBe(true);
		expect(text).not.toContain('<De Ster>');
	});

	it('GraphML is valid XML with every node, edge and attribute, texts escaped', () => {
		const text = networkGraphml(map);
		const errors: string[] = [];
		const doc = new DOMParser({
			errorHandler: { error: (msg: string) => void errors.push(msg), fatalError: (msg: string) => void errors.push(msg) }
		}).parseFromString(text, 'text/xml');
		expect(errors).toEqual([]);
		expect(doc.getElementsByTagName('node').length).toBe(3);
		expect(doc.getElementsByTagName('edge').length).toBe(2);
		const partner = [...Array.from(doc.getElementsByTagName('node'))].find((n) => n.getAttribute('id') === 'partner:2')!;
		const label = Array.from(partner.getElementsByTagName('data')).find((d) => d.getAttribute('key') === 'label')!;
		expect(label.textContent).toBe(awkward.replace('\u0001', ''));
		const edge = doc.getElementsByTagName('edge')[0]!;
		expect([edge.getAttribute('source'), edge.getAttribute('target')]).toEqual(['person:1', 'partner:2']);
		expect(doc.getElementsByTagName('key').length).toBe(8);
	});

	it('xml() escapes the five special characters and drops what XML cannot carry', () => {
		expect(xml(`<a href="x">'&'</a>\u0000`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
	});
});
