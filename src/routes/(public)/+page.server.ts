import type { PageServerLoad } from './$types';
import { publicAreas } from '#lib/server/areas/index.ts';
import { db } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async () => ({ areas: await publicAreas(db()) });
