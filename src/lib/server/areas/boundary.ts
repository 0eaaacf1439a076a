import { and, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { type Ctx, defineVerb, NotFoundError, PUBLIC } from '../core/index.ts';
import { z } from 'zod';
import { instanceWide } from '../access/index.ts';
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

const publicRead = { permission: PUBLIC, writes: false as const, access: instanceWide };

/** One area's drawable boundary, by code; NotFound when the area is unknown or has no usable boundary. */
export const publicAreaMap = defineVerb({
	...publicRead,
	name: 'areas.area.map',
	summary: 'A neighbourhood’s boundary, by its code (open data). No token needed',
	input: z.object({ code: z.string().transform((code) => code.slice(0, 100)) }),
	run: async (ctx, { code }) => {
		const map = await mapOf(ctx.db, eq(areasArea.code, code));
		if (!map) throw new NotFoundError();
		return map;
	}
});

/** One area's drawable boundary by id, or null (no such area, no boundary): the form then simply has no map. */
export const areaBoundary = defineVerb({
	...publicRead,
	name: 'areas.area.boundary',
	summary: 'A neighbourhood’s boundary, by its id, or null',
	input: z.object({ id: z.string() }),
	run: async (ctx, { id }) => (UUID.test(id) ? mapOf(ctx.db, eq(areasArea.id, id)) : null)
});

/**
 * Which of these areas have a boundary worth drawing, with its attribution. Only the geometry type is
 * looked at here (boundaries are large, a form lists many areas); the map route reads the rest.
 */
export const mappedAreas = defineVerb({
	...publicRead,
	name: 'areas.area.mapped',
	summary: 'Which of these neighbourhoods have a boundary to draw',
	input: z.object({ ids: z.array(z.string()) }),
	run: async (ctx, { ids: all }): Promise<Map<string, { source: string | null }>> => {
		const ids = all.filter((id) => UUID.test(id));
		if (ids.length === 0) return new Map();
		const rows = await ctx.db
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
});
