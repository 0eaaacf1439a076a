import type { Actions, PageServerLoad } from './$types';
import { getOrganisationTheme, setOrganisationTheme, themeFormInput } from '#lib/server/people/index.ts';
import { ctxOf, failFrom, guard, parseForm, pathId } from '#lib/server/web/index.ts';

export const load: PageServerLoad = (event) =>
	guard(event, async (ctx) => ({ org: await getOrganisationTheme(ctx, { organisationId: pathId(event) }) }));

/** The uploaded file's bytes; an empty file input (nothing chosen) is no logo, not an empty one. */
async function uploadedLogo(request: Request): Promise<Uint8Array<ArrayBuffer> | undefined> {
	const file = (await request.formData()).get('logo');
	if (!(file instanceof File) || file.size === 0) return undefined;
	return new Uint8Array(await file.arrayBuffer());
}

export const actions: Actions = {
	default: async (event) => {
		const organisationId = pathId(event);
		// parseForm reads the text fields (and drops files): the copy is read for the logo.
		const copy = event.request.clone();
		const parsed = await parseForm(event.request, themeFormInput, event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		try {
			await setOrganisationTheme(ctxOf(event), { ...parsed.data, organisationId, logo: await uploadedLogo(copy) });
			return { saved: true };
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
	}
};
