import type { PageServerLoad } from './$types';
import { listProgrammes } from '#lib/server/funding/index.ts';
import { guard } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) => guard(event, async (ctx) => ({ programmes: await listProgrammes(ctx) }));
