import { z } from 'zod';
import { defineVerb } from '../core/index.ts';
import { permission } from '../access/index.ts';
import { listAreas, mappedAreas } from '../areas/index.ts';

/**
 * The neighbourhoods a resident or volunteer may say a need or offer in: those of their own grants
 * (all of them when a grant covers the whole organisation), each with whether it has a map to tap.
 */
export const ownAreaChoices = defineVerb({
	name: 'aid.own.areas',
	summary: 'The neighbourhoods the caller may ask or offer help in',
	permission: permission('aid.own.write'),
	input: z.object({}).default({}),
	writes: false,
	// One's own grants decide; a staff role gives no neighbourhood here.
	access: (ctx) => ctx.actor.grants.filter((g) => g.role === 'resident' || g.role === 'volunteer'),
	run: async (ctx, _input, grants) => {
		const all = await listAreas(ctx);
		const wide = grants.some((g) => g.areaId === null);
		const mine = wide ? all : all.filter((a) => grants.some((g) => g.areaId === a.id));
		const maps = await mappedAreas(ctx, { ids: mine.map((a) => a.id) });
		const areas = mine.map((a) => ({ id: a.id, name: a.name, code: a.code, map: maps.has(a.id), source: maps.get(a.id)?.source ?? null }));
		return { areas, areaId: grants.find((g) => g.areaId)?.areaId ?? areas[0]?.id ?? null };
	}
});
