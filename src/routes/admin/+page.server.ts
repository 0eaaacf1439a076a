import type { Actions, PageServerLoad } from './$types';
import { createOrganisation, createOrganisationInput, listOrganisations, ORGANISATION_KINDS, LAWFUL_BASES } from '#lib/server/people/index.ts';
import { createArea, createAreaInput, listAreas } from '#lib/server/areas/index.ts';
import { requirePermission } from '#lib/server/access/index.ts';
import { ctxOf } from '#lib/server/web/index.ts';
import { failFrom, forForm, parseForm } from '#lib/server/web/index.ts';
import { guard } from '#lib/server/web/index.ts';

export const load: PageServerLoad = (event) =>
	guard(event, async (ctx) => {
		requirePermission(ctx.actor, 'admin.organisation.manage');
		const [organisations, areas] = await Promise.all([listOrganisations(ctx), listAreas(ctx)]);
		return { organisations, areas, kinds: ORGANISATION_KINDS, bases: LAWFUL_BASES };
	});

export const actions: Actions = {
	organisation: async (event) => {
		const parsed = await parseForm(event.request, createOrganisationInput, event.locals.locale);
		if (!parsed.ok) return forForm('organisation', parsed.failure);
		try {
			await createOrganisation(ctxOf(event), parsed.data);
			return { saved: 'organisation' };
		} catch (e) {
			return forForm('organisation', failFrom(e, parsed.values, event.locals.locale));
		}
	},
	area: async (event) => {
		const parsed = await parseForm(event.request, createAreaInput, event.locals.locale);
		if (!parsed.ok) return forForm('area', parsed.failure);
		try {
			await createArea(ctxOf(event), parsed.data);
			return { saved: 'area' };
		} catch (e) {
			return forForm('area', failFrom(e, parsed.values, event.locals.locale));
		}
	}
};
