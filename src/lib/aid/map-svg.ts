// Pure: the SVG picture of one neighbourhood, served as an image (and as the image of the form's
// <input type="image">). Presentation attributes only, no <style> or script: the response carries
// the strictest CSP (default-src 'none') and the picture still renders the same.
import { boundaryPath, fitProjection, MAP_SIZE, project, scaleBar, type Boundary, type LatLon } from './map.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const r1 = (n: number) => Math.round(n * 10) / 10;

export type MapPicture = {
	boundary: Boundary;
	/** The area's name (and city): the picture's accessible name. */
	title: string;
	/** The attribution of the boundary (open-data licences require it wherever it is shown). */
	source: string | null;
	marker?: LatLon | null;
};

export function mapSvg({ boundary, title, source, marker }: MapPicture): string {
	const size = MAP_SIZE;
	const p = fitProjection(boundary);
	const bar = scaleBar(p);
	const barLabel = bar.metres >= 1000 ? `${bar.metres / 1000} km` : `${bar.metres} m`;
	const y = size - 10;
	const parts = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" role="img" aria-labelledby="map-title map-desc">`,
		`<title id="map-title">${esc(title)}</title>`,
		`<desc id="map-desc">${esc(source ?? '')}</desc>`,
		`<rect width="${size}" height="${size}" fill="#f4f4f1"/>`,
		`<path d="${boundaryPath(p, boundary)}" fill="#dcefe4" fill-rule="evenodd" stroke="#0b5d3b" stroke-width="2" stroke-linejoin="round"/>`,
		// North is up; a scale bar helps to judge distances without streets on the map.
		`<path d="M10 ${y - 4}v4h${r1(bar.px)}v-4" fill="none" stroke="#1a1a1a" stroke-width="1.5"/>`,
		`<text x="${r1(10 + bar.px + 5)}" y="${y + 1}" font-family="sans-serif" font-size="11" fill="#1a1a1a">${barLabel}</text>`,
		`<text x="${size - 10}" y="22" font-family="sans-serif" font-size="13" font-weight="bold" text-anchor="end" fill="#1a1a1a">N ↑</text>`
	];
	if (marker) {
		const m = project(p, marker);
		// Only a marker that falls on the picture is drawn; anything else would be a stray shape far away.
		if (m.x >= 0 && m.x <= size && m.y >= 0 && m.y <= size) {
			parts.push(
				`<g transform="translate(${r1(m.x)} ${r1(m.y)})"><path d="M0 0L-7 -16A9 9 0 1 1 7 -16Z" fill="#a4000f" stroke="#fff" stroke-width="1.5"/><circle cy="-21.7" r="3.5" fill="#fff"/></g>`
			);
		}
	}
	parts.push('</svg>');
	return parts.join('');
}
