import type { PageServerLoad } from './$types';
import { listPeople, searchPeople } from '#lib/server/people/index.ts';
import { holds } from '#lib/server/access/index.ts';
import { guard } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 80);
		const canRegister = holds(ctx.actor, 'people.person.register');
		// A name typed: the closest names (accents and case ignored, at most 20); nothing typed: everyone, page by page.
		if (q) return { q, canRegister, found: await searchPeople(ctx, { q }), people: [], nextCursor: null };
		const page = await listPeople(ctx, { limit: 100, cursor: event.url.searchParams.get('cursor') ?? undefined });
		return { q, canRegister, found: null, people: page.items, nextCursor: page.nextCursor };
	});
