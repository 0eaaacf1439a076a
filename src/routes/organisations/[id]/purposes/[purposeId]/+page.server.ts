import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { DATA_CATEGORIES, PURPOSE_BASES, listPurposes, updatePurpose, updatePurposeInput } from '#lib/server/people/index.ts';
import { NotFoundError } from '#lib/server/core/index.ts';
import { ctxOf, failFrom, guard, parseForm, pathId } from '#lib/server/web/index.ts';

export const load: PageServerLoad = (event) =>
	guard(event, async (ctx) => {
		const purposeId = pathId(event, 'purposeId');
		const { organisation, purposes } = await listPurposes(ctx, { organisationId: pathId(event) });
		const purpose = purposes.find((p) => p.id === purposeId);
		if (!purpose) throw new NotFoundError();
		return { organisation, purpose, choices: { codes: [], bases: PURPOSE_BASES, categories: DATA_CATEGORIES } };
	});

export const actions: Actions = {
	default: async (event) => {
		const organisationId = pathId(event);
		const purposeId = pathId(event, 'purposeId');
		const parsed = await parseForm(event.request, updatePurposeInput.omit({ organisationId: true, purposeId: true }), event.locals.locale, [
			'categories'
		]);
		if (!parsed.ok) return parsed.failure;
		try {
			await updatePurpose(ctxOf(event), { ...parsed.data, organisationId, purposeId });
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		redirect(303, `/organisations/${organisationId}/purposes?saved`);
	}
};
