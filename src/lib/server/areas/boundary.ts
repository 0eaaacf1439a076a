import { and, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../core/index.ts';
import { NotFoundError } from '../core/index.ts';
import { readBoundary, type Boundary } from '../../aid/map.ts';
import { areasArea } from './schema.ts';

// Boundaries are open data (published by the city with a licence that asks for attribution), so
// these reads need no permission; they never touch anything personal.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AreaMap = { id: string; code: string; name: string; city: string; source: string | null; boundary: Boundary };

async function mapOf(db: Ctx['db'], where: SQL): Promise<AreaMap | null> {
	const [row] = await db
		.select({
			id: areasArea.id,
			code: areasArea.code,
			name: areasArea.name,
			city: areasArea.city,
			source: areasArea.source,
			boundary: areasArea.boundary
		})
		.from(areasArea)
		.where(where)
		.limit(1);
	const boundary = row ? readBoundary(row.boundary) : null;
	return row && boundary ? { ...row, boundary } : null;
}

/** One area's drawable boundary, by code; NotFound when the area is unknown or has no usable boundary. */
export async function publicAreaMap(db: Ctx['db'], code: string): Promise<AreaMap> {
	const map = await mapOf(db, eq(areasArea.code, code.slice(0, 100)));
	if (!map) throw new NotFoundError();
	return map;
}

/** One area's drawable boundary by id, or null (no such area, no boundary): the form then simply has no map. */
export async function areaBoundary(db: Ctx['db'], areaId: string): Promise<AreaMap | null> {
	return UUID.test(areaId) ? mapOf(db, eq(areasArea.id, areaId)) : null;
}

/**
 * Which of these areas have a boundary worth drawing, with its attribution. Only the geometry type is
 * looked at here (boundaries are large, a form lists many areas); the map route reads the rest.
 */
export async function mappedAreas(db: Ctx['db'], areaIds: string[]): Promise<Map<string, { source: string | null }>> {
	const ids = areaIds.filter((id) => UUID.test(id));
	if (ids.length === 0) return new Map();
	const rows = await db
		.select({ id: areasArea.id, source: areasArea.source })
		.from(areasArea)
		.where(
			and(
				inArray(areasArea.id, ids),
				isNotNull(areasArea.boundary),
				sql`coalesce(${areasArea.boundary}->'geometry'->>'type', ${areasArea.boundary}->>'type') in ('Polygon', 'MultiPolygon')`
			)
		);
	return new Map(rows.map((r) => [r.id, { source: r.source }]));
}
