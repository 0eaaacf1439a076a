import type { PageServerLoad } from './$types';
import { requirePermission } from '#lib/server/access/index.ts';
import { getNeed } from '#lib/server/aid/index.ts';
import { NotFoundError } from '#lib/server/core/index.ts';
import { guard, pathId } from '#lib/server/web/index.ts';

// One of the person's own needs: what it says, where it stands, and what they can do with it.
export const load: PageServerLoad = async (event) => {
	const id = pathId(event);
	return guard(event, async (ctx) => {
		// Staff read needs on their own pages (aid/needs/…): this one is the person's.
		requirePermission(ctx.actor, 'aid.own.read');
		const need = await getNeed(ctx, id);
		if (need.personId !== ctx.actor.personId) throw new NotFoundError();
		return { need };
	});
};
