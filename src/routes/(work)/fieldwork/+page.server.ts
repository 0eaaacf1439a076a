import type { PageServerLoad } from './$types';
import { readHome } from '#lib/server/fieldwork/index.ts';
import { holds } from '#lib/server/access/index.ts';
import { guard } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => ({
		home: await readHome(ctx),
		canFigures: holds(ctx.actor, 'fieldwork.figures.read'),
		canSignals: holds(ctx.actor, 'fieldwork.signal.read')
	}));
