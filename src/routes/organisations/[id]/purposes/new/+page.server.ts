import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { DATA_CATEGORIES, PURPOSE_BASES, PURPOSE_CODES, createPurpose, createPurposeInput, listPurposes } from '#lib/server/people/index.ts';
import { ctxOf, failFrom, guard, parseForm, pathId } from '#lib/server/web/index.ts';

// Sharing with a named partner needs a partner to name: offered here once partner organisations
// (network/) can be chosen; the verb already takes one.
const CODES = PURPOSE_CODES.filter((c) => c !== 'share_partner');

export const load: PageServerLoad = (event) =>
	guard(event, async (ctx) => {
		const { organisation, purposes } = await listPurposes(ctx, { organisationId: pathId(event) });
		const taken = new Set(purposes.map((p) => p.code));
		return { organisation, choices: { codes: CODES.filter((c) => !taken.has(c)), bases: PURPOSE_BASES, categories: DATA_CATEGORIES } };
	});

export const actions: Actions = {
	default: async (event) => {
		const organisationId = pathId(event);
		const parsed = await parseForm(event.request, createPurposeInput.omit({ organisationId: true }), event.locals.locale, ['categories']);
		if (!parsed.ok) return parsed.failure;
		try {
			await createPurpose(ctxOf(event), { ...parsed.data, organisationId });
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		redirect(303, `/organisations/${organisationId}/purposes?saved`);
	}
};
