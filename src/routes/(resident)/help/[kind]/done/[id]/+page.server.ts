import type { PageServerLoad } from './$types';
import { whatNext } from '#lib/server/aid/index.ts';
import { guard, pathId } from '#lib/server/web/index.ts';
import { kindOf } from '../../journey.ts';

// The confirmation: what happens next, with the names and the office hour of that neighbourhood.
export const load: PageServerLoad = async (event) => {
	const kind = kindOf(event);
	const id = pathId(event);
	return guard(event, async (ctx) => ({ kind, next: await whatNext(ctx, { kind, id }) }));
};
