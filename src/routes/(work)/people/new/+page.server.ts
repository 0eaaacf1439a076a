import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { registerChoices, registerPerson, registerPersonInput, similarPeople } from '#lib/server/people/index.ts';
import { listAreas } from '#lib/server/areas/index.ts';
import { ctxOf, failFrom, guard, parseForm } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		// The form offers only where the actor may register, so nobody is offered a choice that is refused.
		const [choices, areas] = await Promise.all([registerChoices(ctx), listAreas(ctx)]);
		const { areaIds } = choices;
		// Someone bound to areas may register only in one of them: a person without an area is for
		// the organisation's org-wide roles (access/scope.ts), so "no area" is not offered to them.
		return {
			organisations: choices.organisations,
			areas: areaIds ? areas.filter((a) => areaIds.includes(a.id)) : areas,
			anyArea: !areaIds,
			originOrganisationIds: choices.originOrganisationIds,
			purposes: choices.purposes
		};
	});

const flat = (values: Record<string, string | string[]>) =>
	Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]));

export const actions: Actions = {
	default: async (event) => {
		const parsed = await parseForm(event.request, registerPersonInput, event.locals.locale, ['languages', 'consents']);
		if (!parsed.ok) return parsed.failure;
		const ctx = ctxOf(event);
		let id: string;
		try {
			// Look-alikes first, unless the user saw them and chose to create a new record anyway.
			if (parsed.values.confirmDuplicate !== '1') {
				const { firstName, lastName, organisationId, areaId, birthYear } = parsed.data;
				const duplicates = await similarPeople(ctx, { firstName, lastName, organisationId, areaId, birthYear });
				if (duplicates.length) return { values: flat(parsed.values), duplicates };
			}
			id = (await registerPerson(ctx, parsed.data)).id;
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		redirect(303, `/people/${id}`);
	}
};
