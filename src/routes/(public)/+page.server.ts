import type { PageServerLoad } from './$types';
import { publicAreas } from '#lib/server/areas/index.ts';
import { ctxOf } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) => ({ areas: await publicAreas(ctxOf(event)) });
