import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import wijken from '../server/seed/gent-wijken.json' with { type: 'json' };
import {
	boundaryPath,
	contains,
	fitProjection,
	MAP_MARGIN,
	MAP_SIZE,
	METRES_PER_DEGREE,
	metresPerPixel,
	project,
	readBoundary,
	roundPoint,
	scaleBar,
	unproject,
	type Boundary,
	type LatLon
} from './map.ts';
import { mapSvg } from './map-svg.ts';

const rabot = readBoundary(wijken.features[0]!.geometry)!;
const sluizeken = readBoundary(wijken.features[1]!.geometry)!;
const square = (lon: number, lat: number, d: number) => [
	[lon, lat],
	[lon + d, lat],
	[lon + d, lat + d],
	[lon, lat + d],
	[lon, lat]
];

/** Distance in metres, the same way scoring measures it (haversine). */
function metres(a: LatLon, b: LatLon): number {
	const rad = Math.PI / 180;
	const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
	return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

describe('reading a stored boundary', () => {
	it('reads the real Ghent districts, a MultiPolygon and a Feature', () => {
		expect(rabot.polygons).toHaveLength(1);
		expect(rabot.polygons[0]![0]!.length).toBe(wijken.features[0]!.geometry.coordinates[0]!.length);
		const multi = readBoundary({ type: 'MultiPolygon', coordinates: [[square(3.7, 51.05, 0.01)], [square(3.73, 51.05, 0.01)]] });
		expect(multi?.polygons).toHaveLength(2);
		expect(readBoundary({ type: 'Feature', properties: {}, geometry: wijken.features[1]!.geometry })?.polygons).toHaveLength(1);
	});

	it.each([
		['nothing', null],
		['a string', 'Polygon'],
		['a point', { type: 'Point', coordinates: [3.7, 51.05] }],
		['a polygon without rings', { type: 'Polygon', coordinates: [] }],
		['a ring of three positions', { type: 'Polygon', coordinates: [square(3.7, 51.05, 0.01).slice(0, 3)] }],
		[
			'a latitude of 91',
			{
				type: 'Polygon',
				coordinates: [
					[
						[3.7, 91],
						[3.8, 51],
						[3.8, 51.1],
						[3.7, 91]
					]
				]
			}
		],
		[
			'text for a number',
			{
				type: 'Polygon',
				coordinates: [
					[
						['3.7', 51],
						[3.8, 51],
						[3.8, 51.1],
						[3.7, 51]
					]
				]
			}
		],
		[
			'NaN',
			{
				type: 'Polygon',
				coordinates: [
					[
						[Number.NaN, 51],
						[3.8, 51],
						[3.8, 51.1],
						[3.7, 51]
					]
				]
			}
		],
		[
			'no extent',
			{
				type: 'Polygon',
				coordinates: [
					[
						[3.7, 51],
						[3.7, 51],
						[3.7, 51],
						[3.7, 51]
					]
				]
			}
		],
		['a MultiPolygon with one broken part', { type: 'MultiPolygon', coordinates: [[square(3.7, 51.05, 0.01)], [[[1, 2]]]] }]
	])('refuses %s (no map rather than an error)', (_name, geojson) => {
		expect(readBoundary(geojson)).toBeNull();
	});
});

describe('projecting a boundary into the square and back', () => {
	const p = fitProjection(rabot);

	it('fits the outline inside the square with its margin, centred, north up', () => {
		const pts = rabot.polygons[0]![0]!.map(([lon, lat]) => project(p, { lat, lon }));
		const xs = pts.map((q) => q.x);
		const ys = pts.map((q) => q.y);
		expect(Math.min(...xs)).toBeCloseTo(MAP_MARGIN, 6); // Rabot is wider than tall: it fills the width
		expect(Math.max(...xs)).toBeCloseTo(MAP_SIZE - MAP_MARGIN, 6);
		expect(Math.min(...ys) + Math.max(...ys)).toBeCloseTo(MAP_SIZE, 6); // centred vertically
		expect(project(p, { lat: 51.068, lon: 3.71 }).y).toBeLessThan(project(p, { lat: 51.057, lon: 3.71 }).y);
	});

	it('keeps distances true in both directions (cos(lat) scaling)', () => {
		const c = unproject(p, 160, 160);
		const east = unproject(p, 260, 160);
		const south = unproject(p, 160, 260);
		const mpp = metresPerPixel(p);
		expect(metres(c, east) / (100 * mpp)).toBeCloseTo(1, 3);
		expect(metres(c, south) / (100 * mpp)).toBeCloseTo(1, 3);
		expect(mpp).toBeGreaterThan(4);
		expect(mpp).toBeLessThan(10);
	});

	it('round-trips a place through a pixel: exactly, and within a few metres on whole pixels', () => {
		const bounds = { lat: [51.056, 51.069], lon: [3.7, 3.728] } as const;
		fc.assert(
			fc.property(
				fc.double({ min: bounds.lat[0], max: bounds.lat[1], noNaN: true }),
				fc.double({ min: bounds.lon[0], max: bounds.lon[1], noNaN: true }),
				(lat, lon) => {
					const q = project(p, { lat, lon });
					const back = unproject(p, q.x, q.y);
					expect(metres(back, { lat, lon })).toBeLessThan(0.001);
					// What a browser sends: whole CSS pixels.
					const clicked = roundPoint(unproject(p, Math.round(q.x), Math.round(q.y)));
					expect(metres(clicked, { lat, lon })).toBeLessThan(5);
				}
			)
		);
	});

	it('works for a MultiPolygon: both parts in the square', () => {
		const b: Boundary = readBoundary({ type: 'MultiPolygon', coordinates: [[square(3.7, 51.05, 0.01)], [square(3.73, 51.05, 0.01)]] })!;
		const q = fitProjection(b);
		for (const poly of b.polygons)
			for (const [lon, lat] of poly[0]!) {
				const r = project(q, { lat, lon });
				expect(r.x).toBeGreaterThanOrEqual(MAP_MARGIN - 1e-9);
				expect(r.x).toBeLessThanOrEqual(MAP_SIZE - MAP_MARGIN + 1e-9);
				expect(r.y).toBeGreaterThanOrEqual(MAP_MARGIN - 1e-9);
				expect(r.y).toBeLessThanOrEqual(MAP_SIZE - MAP_MARGIN + 1e-9);
			}
		expect(boundaryPath(q, b).match(/M/g)).toHaveLength(2);
	});

	it('picks a round scale bar of at most 100 px', () => {
		const bar = scaleBar(p);
		expect([50, 100, 200, 500, 1000]).toContain(bar.metres);
		expect(bar.px).toBeLessThanOrEqual(100);
		expect(bar.px * metresPerPixel(p)).toBeCloseTo(bar.metres, 6);
		expect(METRES_PER_DEGREE).toBeCloseTo(111_195, 0);
	});
});

describe('inside or outside the boundary', () => {
	it('finds a place in Rabot inside, and places elsewhere outside', () => {
		expect(contains(rabot, { lat: 51.0635, lon: 3.712 })).toBe(true);
		expect(contains(rabot, { lat: 51.05, lon: 3.75 })).toBe(false);
		expect(contains(rabot, { lat: 0, lon: 0 })).toBe(false);
		// The neighbouring district: inside Sluizeken, outside Rabot.
		const there = { lat: 51.0675, lon: 3.731 };
		expect(contains(sluizeken, there)).toBe(true);
		expect(contains(rabot, there)).toBe(false);
	});

	it('keeps a hole out, and takes either part of a MultiPolygon', () => {
		const holed = readBoundary({ type: 'Polygon', coordinates: [square(3.7, 51.05, 0.03), square(3.71, 51.06, 0.01)] })!;
		expect(contains(holed, { lat: 51.055, lon: 3.705 })).toBe(true);
		expect(contains(holed, { lat: 51.065, lon: 3.715 })).toBe(false);
		const multi = readBoundary({ type: 'MultiPolygon', coordinates: [[square(3.7, 51.05, 0.01)], [square(3.73, 51.05, 0.01)]] })!;
		expect(contains(multi, { lat: 51.055, lon: 3.705 })).toBe(true);
		expect(contains(multi, { lat: 51.055, lon: 3.735 })).toBe(true);
		expect(contains(multi, { lat: 51.055, lon: 3.72 })).toBe(false);
	});

	it('never has the corners of the picture inside (a keyboard "click" is 0,0)', () => {
		for (const b of [rabot, sluizeken]) {
			const p = fitProjection(b);
			for (const [x, y] of [
				[0, 0],
				[MAP_SIZE, 0],
				[0, MAP_SIZE],
				[MAP_SIZE, MAP_SIZE]
			])
				expect(contains(b, unproject(p, x!, y!))).toBe(false);
		}
	});
});

describe('the SVG picture', () => {
	it('draws the outline at a fixed size with its title and attribution, escaped', () => {
		const svg = mapSvg({ boundary: rabot, title: 'Rabot <&> "Gent"', source: wijken.attribution });
		expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="320" height="320" viewBox="0 0 320 320"/);
		expect(svg).toContain('<title id="map-title">Rabot &#60;&#38;&#62; &#34;Gent&#34;</title>');
		expect(svg).toContain('Stad Gent (data.stad.gent');
		expect(svg).not.toMatch(/<script|<style|style=|href=/i);
		expect(svg).not.toContain('translate(');
	});

	it('draws a marker only where it falls on the picture', () => {
		const inside = mapSvg({ boundary: rabot, title: 'Rabot', source: null, marker: { lat: 51.0635, lon: 3.712 } });
		const q = project(fitProjection(rabot), { lat: 51.0635, lon: 3.712 });
		expect(inside).toContain(`translate(${Math.round(q.x * 10) / 10} ${Math.round(q.y * 10) / 10})`);
		expect(mapSvg({ boundary: rabot, title: 'Rabot', source: null, marker: { lat: 40, lon: 3.7 } })).not.toContain('translate(');
	});
});
