import type { PageServerLoad } from './$types';
import { listAudit } from '#lib/server/access/index.ts';
import { guard } from '#lib/server/web/index.ts';

export const load: PageServerLoad = (event) => guard(event, async (ctx) => ({ rows: await listAudit(ctx, { limit: 200 }) }));
