import type { LayoutServerLoad } from './$types';
import { can } from '#lib/server/access/index.ts';
import { openMailbox } from '#lib/server/web/runtime.ts';

export const load: LayoutServerLoad = ({ locals, url }) => {
	const a = locals.actor;
	return {
		me: a.userId ? { name: a.name ?? '', email: a.email ?? '' } : null,
		nav: {
			// An account without any role chooses its neighbourhood on /help.
			help: can(a, 'aid.own.read') || (!!a.userId && a.grants.length === 0),
			aid: can(a, 'aid.need.read'),
			people: can(a, 'people.person.read'),
			admin: can(a, 'admin.organisation.manage'),
			mailbox: openMailbox() || can(a, 'mail.outbox.read')
		},
		path: url.pathname + url.search
	};
};
