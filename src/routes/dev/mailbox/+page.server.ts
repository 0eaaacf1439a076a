import type { PageServerLoad } from './$types';
import { listOutbox } from '#lib/server/mail/index.ts';
import { mailboxOpenTo } from '#lib/server/web/auth-bridge.ts';
import { guard } from '#lib/server/web/guard.ts';

export const load: PageServerLoad = (event) => {
	const open = mailboxOpenTo(event);
	return guard(event, async (ctx) => ({ mails: await listOutbox(ctx, { openMailbox: open }), open }));
};
