import type { PageServerLoad } from './$types';
import { CONTACT_TYPES, listContacts } from '#lib/server/fieldwork/index.ts';
import { guard } from '#lib/server/web/index.ts';

// The contacts of the actor's scope, newest first; the filters are a GET form (a link can hold them).

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const q = event.url.searchParams;
		const filters = {
			from: q.get('from') ?? '',
			to: q.get('to') ?? '',
			type: q.get('type') ?? '',
			theme: q.get('theme') ?? '',
			mine: q.get('mine') ?? '',
			cursor: q.get('cursor') ?? undefined
		};
		const page = await listContacts(ctx, { ...filters, limit: 25 });
		return { page, filters, types: CONTACT_TYPES };
	});
