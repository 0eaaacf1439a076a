import type { Actions, PageServerLoad } from './$types';
import { PARTNER_KINDS, getPartner, partnerFields, updatePartner } from '#lib/server/network/index.ts';
import { listAreas } from '#lib/server/areas/index.ts';
import { holds } from '#lib/server/access/index.ts';
import { ctxOf, failFrom, guard, parseForm, pathId } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) => {
	const id = pathId(event);
	return guard(event, async (ctx) => {
		const [partner, areas] = await Promise.all([getPartner(ctx, { id }), listAreas(ctx)]);
		return {
			partner,
			areas,
			kinds: PARTNER_KINDS,
			// The update verb decides for the partner's own organisation; the form is offered to those who may manage partners.
			canEdit: holds(ctx.actor, 'network.partner.manage'),
			created: event.url.searchParams.get('created') === '1'
		};
	});
};

export const actions: Actions = {
	update: async (event) => {
		const id = pathId(event);
		const parsed = await parseForm(event.request, partnerFields, event.locals.locale, ['themes', 'areaIds']);
		if (!parsed.ok) return parsed.failure;
		try {
			await updatePartner(ctxOf(event), { ...parsed.data, id });
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		return { saved: true };
	}
};
