import type { PageServerLoad } from './$types';
import { readRegister } from '#lib/server/privacy/index.ts';
import { guard } from '#lib/server/web/index.ts';
import { baseLocale, isLocale } from '#lib/paraglide/runtime.js';

// Admins see every organisation's register; an organisation's org-wide coordinators see theirs.
export const load: PageServerLoad = (event) =>
	guard(event, async (ctx) => ({
		register: await readRegister(ctx, { locale: isLocale(event.locals.locale) ? event.locals.locale : baseLocale })
	}));
