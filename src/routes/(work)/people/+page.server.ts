import type { Actions, PageServerLoad } from './$types';
import { listPeople, registerChoices, registerPerson, registerPersonInput } from '#lib/server/people/index.ts';
import { holds } from '#lib/server/access/index.ts';
import { listAreas } from '#lib/server/areas/index.ts';
import { ctxOf } from '#lib/server/web/index.ts';
import { failFrom, parseForm } from '#lib/server/web/index.ts';
import { guard } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const q = event.url.searchParams.get('q') ?? '';
		const page = await listPeople(ctx, { q, limit: 100, cursor: event.url.searchParams.get('cursor') ?? undefined });
		// The registration form, for those who may register, offers only where they may register.
		let register = null;
		if (holds(ctx.actor, 'people.person.register')) {
			const [choices, areas] = await Promise.all([registerChoices(ctx), listAreas(ctx)]);
			const { areaIds } = choices;
			// Someone bound to areas may register only in one of them: a person without an area is for
			// the organisation's org-wide roles (access/scope.ts), so "no area" is not offered to them.
			register = {
				organisations: choices.organisations,
				areas: areaIds ? areas.filter((a) => areaIds.includes(a.id)) : areas,
				anyArea: !areaIds,
				purposes: choices.purposes
			};
		}
		return { people: page.items, nextCursor: page.nextCursor, register, q: q.slice(0, 80) };
	});

export const actions: Actions = {
	register: async (event) => {
		const parsed = await parseForm(event.request, registerPersonInput, event.locals.locale, ['consents']);
		if (!parsed.ok) return parsed.failure;
		try {
			const person = await registerPerson(ctxOf(event), parsed.data);
			return { registered: person.firstName };
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
	}
};
