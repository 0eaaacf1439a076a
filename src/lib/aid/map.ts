// Pure: a neighbourhood's GeoJSON boundary drawn into a fixed square, and a pixel on it back to a place.
// No map tiles (we host none and residents may have no internet beyond us), so the picture is the
// outline alone. An equirectangular projection scaled by cos(latitude) is exact enough at city scale
// (a district is a few km across: the error is far below one pixel).

export type LatLon = { lat: number; lon: number };
/** GeoJSON order: longitude first. */
type Position = [number, number];
type Ring = Position[];
/** Every boundary as a list of polygons (outer ring first, then holes), whether it came as a Polygon or a MultiPolygon. */
export type Boundary = { polygons: Ring[][] };
export type Projection = { size: number; minLon: number; maxLat: number; k: number; scale: number; ox: number; oy: number };

/** The map is drawn at this size in CSS pixels: the coordinates a browser sends for a click are in this space. */
export const MAP_SIZE = 320;
/** Room around the outline, so a click in a corner (and a keyboard's 0,0) is always outside it. */
export const MAP_MARGIN = 14;
/** Metres in one degree of latitude (mean Earth radius 6 371 008.8 m). */
export const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;

const isPosition = (p: unknown): p is Position =>
	Array.isArray(p) &&
	p.length >= 2 &&
	typeof p[0] === 'number' &&
	typeof p[1] === 'number' &&
	Number.isFinite(p[0]) &&
	Number.isFinite(p[1]) &&
	Math.abs(p[0]) <= 180 &&
	Math.abs(p[1]) <= 90;

function readRing(r: unknown): Ring | null {
	if (!Array.isArray(r) || r.length < 4 || !r.every(isPosition)) return null;
	return r.map((p: Position) => [p[0], p[1]]);
}

function readPolygon(p: unknown): Ring[] | null {
	if (!Array.isArray(p) || p.length === 0) return null;
	const rings = p.map(readRing);
	return rings.every((r) => r !== null) ? (rings as Ring[]) : null;
}

/**
 * A stored boundary (jsonb, so anything) → polygons, or null when it is not a usable Polygon or
 * MultiPolygon (a Feature around one is accepted). Null means "no map", never an error page.
 */
export function readBoundary(geojson: unknown): Boundary | null {
	if (!geojson || typeof geojson !== 'object') return null;
	const g = geojson as { type?: unknown; coordinates?: unknown; geometry?: unknown };
	if (g.type === 'Feature') return readBoundary(g.geometry);
	let polygons: Ring[][] | null = null;
	if (g.type === 'Polygon') {
		const p = readPolygon(g.coordinates);
		polygons = p ? [p] : null;
	} else if (g.type === 'MultiPolygon' && Array.isArray(g.coordinates) && g.coordinates.length > 0) {
		const ps = g.coordinates.map(readPolygon);
		polygons = ps.every((p) => p !== null) ? (ps as Ring[][]) : null;
	}
	if (!polygons) return null;
	const b = bounds({ polygons });
	// A boundary with no extent cannot be drawn or clicked on.
	return b.maxLon > b.minLon && b.maxLat > b.minLat ? { polygons } : null;
}

function bounds(b: Boundary) {
	let minLon = Infinity;
	let maxLon = -Infinity;
	let minLat = Infinity;
	let maxLat = -Infinity;
	for (const poly of b.polygons)
		for (const [lon, lat] of poly[0]!) {
			minLon = Math.min(minLon, lon);
			maxLon = Math.max(maxLon, lon);
			minLat = Math.min(minLat, lat);
			maxLat = Math.max(maxLat, lat);
		}
	return { minLon, maxLon, minLat, maxLat };
}

/** The projection that fits the boundary's outer rings, centred, into a size × size square with a margin. */
export function fitProjection(b: Boundary, size = MAP_SIZE, margin = MAP_MARGIN): Projection {
	const { minLon, maxLon, minLat, maxLat } = bounds(b);
	const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
	const width = (maxLon - minLon) * k;
	const height = maxLat - minLat;
	const inner = size - 2 * margin;
	const scale = inner / Math.max(width, height);
	return { size, minLon, maxLat, k, scale, ox: margin + (inner - width * scale) / 2, oy: margin + (inner - height * scale) / 2 };
}

/** A place → pixel (x to the right, y down, both in CSS pixels of the drawn map). */
export function project(p: Projection, pt: LatLon): { x: number; y: number } {
	return { x: p.ox + (pt.lon - p.minLon) * p.k * p.scale, y: p.oy + (p.maxLat - pt.lat) * p.scale };
}

/** A pixel → place: the inverse of `project`. */
export function unproject(p: Projection, x: number, y: number): LatLon {
	return { lon: p.minLon + (x - p.ox) / (p.k * p.scale), lat: p.maxLat - (y - p.oy) / p.scale };
}

/** How many metres one pixel of the map covers (the same in both directions by construction). */
export const metresPerPixel = (p: Projection) => METRES_PER_DEGREE / p.scale;

/** Even-odd ray casting over one ring. */
function inRing(ring: Ring, lon: number, lat: number): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i]!;
		const [xj, yj] = ring[j]!;
		if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

/** Whether a place lies inside the boundary: inside an outer ring and not in one of its holes, for any polygon. */
export function contains(b: Boundary, pt: LatLon): boolean {
	return b.polygons.some((poly) => inRing(poly[0]!, pt.lon, pt.lat) && !poly.slice(1).some((hole) => inRing(hole, pt.lon, pt.lat)));
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** The SVG path of the boundary, holes included (draw with fill-rule="evenodd"); points closer than half a pixel are dropped. */
export function boundaryPath(p: Projection, b: Boundary): string {
	const parts: string[] = [];
	for (const poly of b.polygons)
		for (const ring of poly) {
			let last: { x: number; y: number } | null = null;
			const pts: string[] = [];
			for (const [lon, lat] of ring) {
				const q = project(p, { lat, lon });
				if (last && Math.hypot(q.x - last.x, q.y - last.y) < 0.5) continue;
				pts.push(`${r1(q.x)} ${r1(q.y)}`);
				last = q;
			}
			if (pts.length >= 3) parts.push(`M${pts.join('L')}Z`);
		}
	return parts.join('');
}

/** A round length for the scale bar: the longest of 50 m, 100 m, 200 m, 500 m, 1 km, 2 km, 5 km that fits in `maxPx`. */
export function scaleBar(p: Projection, maxPx = 100): { metres: number; px: number } {
	const mpp = metresPerPixel(p);
	const steps = [50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000];
	const metres = [...steps].reverse().find((s) => s / mpp <= maxPx) ?? steps[0]!;
	return { metres, px: metres / mpp };
}

/** Rounds a place to 6 decimals (about 10 cm), enough for a click on a map of metres per pixel. */
export const roundPoint = (pt: LatLon): LatLon => ({ lat: Math.round(pt.lat * 1e6) / 1e6, lon: Math.round(pt.lon * 1e6) / 1e6 });
