import type { PageServerLoad } from './$types';
import { listOutbox } from '#lib/server/mail/index.ts';
import { mailboxOpenTo } from '#lib/server/web/index.ts';
import { guard } from '#lib/server/web/index.ts';

export const load: PageServerLoad = (event) => {
	const open = mailboxOpenTo(event);
	return guard(event, async (ctx) => ({ mails: await listOutbox(ctx, { openMailbox: open }), open }));
};
