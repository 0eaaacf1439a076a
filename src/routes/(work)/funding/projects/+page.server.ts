import type { PageServerLoad } from './$types';
import { listProjects } from '#lib/server/funding/index.ts';
import { guard } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) => guard(event, async (ctx) => ({ projects: await listProjects(ctx) }));
