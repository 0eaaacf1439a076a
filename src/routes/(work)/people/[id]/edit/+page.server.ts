import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { correctionChoices, getPerson, updatePerson, updatePersonInput } from '#lib/server/people/index.ts';
import { listAreas } from '#lib/server/areas/index.ts';
import { ctxOf, failFrom, guard, parseForm, pathId } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) => {
	const id = pathId(event);
	return guard(event, async (ctx) => {
		const person = await getPerson(ctx, { id });
		if (person.mergedIntoId) redirect(303, `/people/${person.mergedIntoId}/edit`);
		const [choices, areas] = await Promise.all([correctionChoices(ctx, { id }), listAreas(ctx)]);
		const areaIds = choices.areaIds;
		// The form starts from the record as it is; a failed post shows what was typed instead.
		const values: Record<string, string> = {
			firstName: person.firstName,
			lastName: person.lastName ?? '',
			birthYear: person.birthYear ? String(person.birthYear) : '',
			areaId: person.areaId ?? '',
			phone: person.phone ?? '',
			email: person.email ?? '',
			preferredChannel: person.preferredChannel ?? '',
			languages: person.languages.join(','),
			countryOfOrigin: person.countryOfOrigin ?? ''
		};
		return {
			person: { id: person.id, name: `${person.firstName} ${person.lastName ?? ''}`.trim() },
			values,
			areas: areaIds ? areas.filter((a) => areaIds.includes(a.id)) : areas,
			anyArea: !areaIds,
			// A country already kept stays visible, so that it can be removed even after the purpose ended.
			showCountry: choices.originAllowed || !!person.countryOfOrigin
		};
	});
};

export const actions: Actions = {
	default: async (event) => {
		const id = pathId(event);
		const parsed = await parseForm(event.request, updatePersonInput.omit({ id: true }), event.locals.locale, ['languages']);
		if (!parsed.ok) return parsed.failure;
		try {
			await updatePerson(ctxOf(event), { ...parsed.data, id });
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		redirect(303, `/people/${id}`);
	}
};
