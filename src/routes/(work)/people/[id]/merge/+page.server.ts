import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getPerson, MERGE_FIELDS, mergePeople, searchPeople } from '#lib/server/people/index.ts';
import { listAreas } from '#lib/server/areas/index.ts';
import { ctxOf, failForm, failFrom, formValues, guard, pathId, translate } from '#lib/server/web/index.ts';

// Merging this record (it goes) into another one (it stays): find the other, compare them side by
// side, choose per differing field which value stays, confirm. The verb does the rest.

const UUID = z.uuid();

export const load: PageServerLoad = async (event) => {
	const id = pathId(event);
	return guard(event, async (ctx) => {
		const person = await getPerson(ctx, { id });
		if (person.mergedIntoId) redirect(303, `/people/${person.mergedIntoId}`);
		if (person.erasedAt) error(404, translate('error_not_found', event.locals.locale));
		const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 80);
		const intoId = event.url.searchParams.get('into');
		const areas = await listAreas(ctx);
		const areaName = (areaId: string | null) => areas.find((a) => a.id === areaId)?.name ?? null;
		const view = (p: Awaited<ReturnType<typeof getPerson>>) => ({
			id: p.id,
			name: `${p.firstName} ${p.lastName ?? ''}`.trim(),
			area: areaName(p.areaId),
			...Object.fromEntries(MERGE_FIELDS.map((f) => [f, p[f]]))
		});
		let into = null;
		if (intoId && UUID.safeParse(intoId).success && intoId !== id) {
			const other = await getPerson(ctx, { id: intoId });
			if (!other.mergedIntoId && !other.erasedAt) into = view(other);
		}
		const found = q && !into ? (await searchPeople(ctx, { q })).filter((p) => p.id !== id) : null;
		return { person: view(person), into, q, found, fields: MERGE_FIELDS };
	});
};

export const actions: Actions = {
	default: async (event) => {
		const id = pathId(event);
		const values = formValues(await event.request.formData());
		const into = String(values.into ?? '');
		if (values.confirm !== 'on')
			return failForm(
				400,
				{ into, ...Object.fromEntries(MERGE_FIELDS.map((f) => [f, String(values[f] ?? '')])) },
				translate('people_error_merge_confirm', event.locals.locale)
			);
		// Each differing field is a choice between the two records; "merged" takes this record's value.
		const fromMerged = MERGE_FIELDS.filter((f) => values[f] === 'merged');
		try {
			await mergePeople(ctxOf(event), { id, into, fromMerged });
		} catch (e) {
			return failFrom(e, values, event.locals.locale);
		}
		redirect(303, `/people/${into}`);
	}
};
