import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import BarChart from './BarChart.svelte';
import type { Cell } from '#lib/stats.ts';

// Cells as server/stats/rules.ts makes them: 3 is suppressed (fewer than five).
const shown = (value: number): Cell => ({ value, suppressed: false });
const hidden: Cell = { value: null, suppressed: true };

const props = {
	id: 'c',
	title: 'Links by category',
	rowAxis: 'Category',
	valueAxis: 'Number of links',
	series: ['Made', 'Completed'] as [string, string],
	rows: [
		{ label: 'Errands', values: [shown(12), hidden] as const },
		{ label: 'Company', values: [shown(0), shown(40)] as const }
	].map((r) => ({ ...r, values: [...r.values] as [Cell, Cell] })),
	format: (c: Cell) => (c.suppressed ? '<5' : String(c.value)),
	suppressedLabel: '<5'
};

describe('the server-drawn bar chart', () => {
	it('draws one series as well as two: one bar per row and a table column per series', () => {
		const one = {
			...props,
			series: ['Contacts'],
			rows: [
				{ label: 'March', values: [shown(10)] },
				{ label: 'April', values: [hidden] }
			]
		};
		const body = render(BarChart, { props: one }).body.replaceAll(/<!--[^>]*-->/g, '');
		expect(body).toContain('width="100%" height="12" fill="#1f4e79"');
		expect(body).not.toContain('#0b5d3b');
		expect(body).toMatch(/<td data-label="Category"[^>]*>April<\/td><td data-label="Contacts"[^>]*>&lt;5<\/td><\/tr>/);
	});

	it('is an SVG image in a chart frame with a title, axis titles and a table of the same numbers', () => {
		const body = render(BarChart, { props }).body.replaceAll(/<!--[^>]*-->/g, '');
		expect(body).toMatch(/<figure class="chart-frame[^>]*><figcaption><h2[^>]*>Links by category<\/h2>/);
		expect(body).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="c-title"/);
		expect(body).toContain('<title id="c-title">Links by category</title>');
		expect(body).toContain('>Category</text>');
		expect(body).toContain('>Number of links</text>');
		expect(body).toMatch(/<caption[^>]*>Links by category<\/caption>/);
		expect(body).toMatch(
			/<td data-label="Category"[^>]*>Errands<\/td><td data-label="Made"[^>]*>12<\/td><td data-label="Completed"[^>]*>&lt;5<\/td>/
		);
	});

	it('draws a suppressed cell as a hatched stub labelled "<5", never as a bar of its value', () => {
		const { body } = render(BarChart, { props });
		const stubs = body.match(/<rect[^>]*fill="url\(#c-hatch\)"[^>]*>/g) ?? [];
		expect(stubs).toHaveLength(2); // the legend and Errands' completed
		expect(body.match(/>&lt;5<\/text>/g)).toHaveLength(2);
		// Bars in proportion on an axis up to 50, as shares of the plot's width: 40 → 80 %, 12 → 24 %.
		expect(body).toContain('width="80%"');
		expect(body).toContain('width="24%"');
		expect(body).toContain('>50</text>');
	});

	it('fills the width of the page without scaling its text (no viewBox)', () => {
		const { body } = render(BarChart, { props });
		const svg = body.match(/<svg[^>]*class="chart[^"]*"[^>]*>/)![0];
		expect(svg).toContain('width="100%"');
		expect(svg).not.toContain('viewBox');
	});

	it('keeps the plot to its share of the width inside the frame, which sizes every svg to 100 %', () => {
		const { body } = render(BarChart, { props });
		// The plot leaves room after the longest bar for its value: as a style, which beats the frame's rule.
		expect(body).toMatch(/<svg x="4" y="0" width="88%"[^>]*style="width: 88%; height: \d+px;"/);
		expect(body.match(/<svg[^>]*class="chart[^"]*"[^>]*>/)![0]).toMatch(/style="height: \d+px;"/);
	});
});
