import type { Ctx } from '#lib/server/core/index.ts';
import { readScope } from '#lib/server/access/index.ts';
import { listAreas } from '#lib/server/areas/index.ts';

/** The neighbourhoods a staff member works in, for the area filters of the aid pages. */
export async function staffAreas(ctx: Ctx) {
	const scope = readScope(ctx.actor, 'aid.need.read');
	const all = await listAreas(ctx);
	const areas = scope.all || scope.areaIds === null ? all : all.filter((a) => scope.areaIds!.includes(a.id));
	return areas.map((a) => ({ id: a.id, name: a.name }));
}
