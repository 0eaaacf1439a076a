import type { Ctx } from '#lib/server/core/index.ts';
import { grantedAreas } from '#lib/server/access/index.ts';
import { listAreas } from '#lib/server/areas/index.ts';

/** The neighbourhoods a staff member works in, for the area filters of the aid pages. */
export async function staffAreas(ctx: Ctx) {
	const areaIds = grantedAreas(ctx.actor, 'aid.need.read');
	const all = await listAreas(ctx);
	const areas = areaIds ? all.filter((a) => areaIds.includes(a.id)) : all;
	return areas.map((a) => ({ id: a.id, name: a.name }));
}
