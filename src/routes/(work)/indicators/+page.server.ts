import type { PageServerLoad } from './$types';
import { listIndicators } from '#lib/server/indicators/index.ts';
import { holds } from '#lib/server/access/index.ts';
import { guard } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => ({
		indicators: await listIndicators(ctx, { locale: event.locals.locale }),
		mayDefine: holds(ctx.actor, 'indicators.indicator.manage')
	}));
