import type { LayoutServerLoad } from './$types';
import { holds } from '#lib/server/access/index.ts';
import { countStalledLinks } from '#lib/server/aid/index.ts';
import { guard } from '#lib/server/web/index.ts';

// The tabs between the aid pages: only those the actor may open (each page checks again), and the
// stalled links' count on the links tab. Someone signed out or without a role gets no tabs and no
// query: the page's own load answers them (sign in, 403).
export const load: LayoutServerLoad = async (event) => {
	const a = event.locals.actor;
	const tabs = {
		queue: holds(a, 'aid.need.read'),
		weekly: holds(a, 'aid.link.manage'),
		reach: holds(a, 'aid.reach.read'),
		officeHour: holds(a, 'aid.need.write'),
		officeHours: holds(a, 'aid.office_hours.manage')
	};
	const stalled = tabs.queue ? await guard(event, (ctx) => countStalledLinks(ctx, {})) : 0;
	return { tabs, stalled };
};
