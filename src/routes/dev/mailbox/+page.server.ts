import type { PageServerLoad } from './$types';
import { listOutbox } from '#lib/server/mail/index.ts';
import { openMailbox } from '#lib/server/web/runtime.ts';
import { guard } from '#lib/server/web/guard.ts';

export const load: PageServerLoad = (event) =>
	guard(event, async (ctx) => ({ mails: await listOutbox(ctx, { openMailbox: openMailbox() }), open: openMailbox() }));
