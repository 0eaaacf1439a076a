import type { LayoutServerLoad } from './$types';
import { can, holds } from '#lib/server/access/index.ts';
import { mailboxOpenTo } from '#lib/server/web/index.ts';

export const load: LayoutServerLoad = (event) => {
	const { locals, url } = event;
	const a = locals.actor;
	return {
		me: a.userId ? { name: a.name ?? '', email: a.email ?? '' } : null,
		nav: {
			// An account without any role chooses its neighbourhood on /help.
			help: can(a, 'aid.own.read') || (!!a.userId && a.grants.length === 0),
			aid: holds(a, 'aid.need.read'),
			people: holds(a, 'people.person.read'),
			admin: can(a, 'admin.organisation.manage'),
			mailbox: mailboxOpenTo(event) || can(a, 'mail.outbox.read')
		},
		path: url.pathname + url.search
	};
};
