import { describe, expect, it } from 'vitest';
import { markPath, picture } from './picture.ts';
import type { MapNode } from './types.ts';

const node = (id: string, kind: MapNode['kind'], x: number): MapNode => ({
	id,
	kind,
	label: id,
	named: false,
	href: null,
	x,
	y: 0.5,
	degree: 0,
	betweenness: 0
});

describe('the static picture', () => {
	it('draws a circle, a square and a diamond: the kind is told by shape, not only colour', () => {
		expect(markPath('person', 10, 10, 2)).toContain('a2 2');
		expect(markPath('household', 10, 10, 2)).toBe('M8 8h4v4h-4Z');
		expect(markPath('partner', 10, 10, 2)).toBe('M10 7.4l2.6 2.6l-2.6 2.6l-2.6 -2.6Z');
	});

	it('puts every node in its kind’s path, the isolated in the outlines, ended ties dashed apart', () => {
		const nodes = [node('a', 'person', 0), node('b', 'household', 0.5), node('c', 'partner', 1)];
		const p = picture(
			nodes,
			[
				{ id: 'e1', source: 'a', target: 'c', type: 'knows', ended: false },
				{ id: 'e2', source: 'b', target: 'c', type: 'household', ended: true }
			],
			['a']
		);
		expect(p.marks.person.match(/Z/g)).toHaveLength(1);
		expect(p.marks.household.match(/Z/g)).toHaveLength(1);
		expect(p.marks.partner.match(/Z/g)).toHaveLength(1);
		expect(p.rings).toBe(p.marks.person);
		expect(p.ties.match(/M/g)).toHaveLength(1);
		expect(p.ended.match(/M/g)).toHaveLength(1);
	});
});
