import type { LayoutServerLoad } from './$types';
import { can, holds } from '#lib/server/access/index.ts';
import { actorLook } from '#lib/server/people/index.ts';
import { hasApplications } from '#lib/server/funding/index.ts';
import { ctxOf, mailboxOpenTo } from '#lib/server/web/index.ts';

export const load: LayoutServerLoad = async (event) => {
	const { locals, url } = event;
	const a = locals.actor;
	// The organisation whose look these pages wear (people/theme.ts says which): null for Wijkweb's own.
	const ctx = ctxOf(event);
	const [look, applications] = await Promise.all([actorLook(ctx), hasApplications(ctx)]);
	return {
		me: a.userId ? { name: a.name ?? '', email: a.email ?? '' } : null,
		look,
		nav: {
			// An account without any role chooses its neighbourhood on /help.
			help: can(a, 'aid.own.read') || (!!a.userId && a.grants.length === 0),
			aid: holds(a, 'aid.need.read'),
			people: holds(a, 'people.person.read'),
			partners: holds(a, 'network.partner.read'),
			// Staff who log contacts (issue 14): their home page for fieldwork.
			fieldwork: holds(a, 'fieldwork.contact.log'),
			// Activities (issue 15): records, sessions, registrations.
			activities: holds(a, 'activities.activity.read'),
			network: holds(a, 'network.map.read'),
			// Indicators (issue 15): their targets and values.
			indicators: holds(a, 'indicators.indicator.read'),
			// Funding (issue 16): the officer's programmes and calls.
			funding: holds(a, 'funding.programme.read'),
			// An applicant's own applications (owned or co-edited).
			apply: applications,
			// The jury's calls and the applications they review.
			jury: holds(a, 'funding.jury.read'),
			admin: can(a, 'admin.organisation.manage'),
			organisation: look && can(a, 'people.organisation.theme', { organisationId: look.organisationId, areaId: null }) ? look.organisationId : null,
			mailbox: mailboxOpenTo(event) || can(a, 'mail.outbox.read')
		},
		path: url.pathname + url.search
	};
};
