import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import {
	STREET_AGES,
	STREET_DURATIONS,
	lastArea,
	logContact,
	organisationFor,
	readWorker,
	streetInput,
	toLogContact
} from '#lib/server/fieldwork/index.ts';
import { grantedAreas } from '#lib/server/access/index.ts';
import { listAreas } from '#lib/server/areas/index.ts';
import { ctxOf, failFrom, guard, parseForm } from '#lib/server/web/index.ts';
import { THEMES } from '#lib/themes.ts';

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const [worker, last, areas] = await Promise.all([readWorker(ctx), lastArea(ctx), listAreas(ctx)]);
		// Only the neighbourhoods the actor may log in (null: every one, an org-wide grant).
		const mine = grantedAreas(ctx.actor, 'fieldwork.contact.log');
		return {
			worker,
			last,
			areas: (mine ? areas.filter((a) => mine.includes(a.id)) : areas).map((a) => ({ id: a.id, name: a.name })),
			themes: THEMES,
			ages: STREET_AGES,
			durations: STREET_DURATIONS,
			saved: event.url.searchParams.has('saved')
		};
	});

export const actions: Actions = {
	// Without JavaScript: a plain post, Post/Redirect/Get. With it, the page queues and sends to ./send.
	default: async (event) => {
		const parsed = await parseForm(event.request, streetInput, event.locals.locale, ['themes']);
		if (!parsed.ok) return parsed.failure;
		try {
			const ctx = ctxOf(event);
			await logContact(ctx, toLogContact(parsed.data, organisationFor(ctx.actor, parsed.data.areaId)));
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		redirect(303, '/fieldwork/street?saved=1');
	}
};
