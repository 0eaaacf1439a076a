import type { PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { listMyApplications } from '#lib/server/funding/index.ts';
import { guard, signInFor } from '#lib/server/web/index.ts';

// The applicant's own applications (owned or co-edited), newest first; open calls are one link away.
export const load: PageServerLoad = async (event) => {
	if (!event.locals.actor.userId) redirect(303, signInFor(event.url));
	return guard(event, async (ctx) => ({ applications: await listMyApplications(ctx) }));
};
