import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { PARTNER_KINDS, createPartner, createPartnerInput } from '#lib/server/network/index.ts';
import { registerChoices } from '#lib/server/people/index.ts';
import { listAreas } from '#lib/server/areas/index.ts';
import { ForbiddenError } from '#lib/server/core/index.ts';
import { holds } from '#lib/server/access/index.ts';
import { ctxOf, failFrom, guard, parseForm } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		// The organisations where the actor registers people are those whose staff they are (a verb: nobody
		// signed in is sent to sign in first).
		const [choices, areas] = await Promise.all([registerChoices(ctx), listAreas(ctx)]);
		if (!holds(ctx.actor, 'network.partner.manage')) throw new ForbiddenError('network.partner.manage');
		return { organisations: choices.organisations, areas, kinds: PARTNER_KINDS };
	});

export const actions: Actions = {
	default: async (event) => {
		const parsed = await parseForm(event.request, createPartnerInput, event.locals.locale, ['themes', 'areaIds']);
		if (!parsed.ok) return parsed.failure;
		let id: string;
		try {
			({ id } = await createPartner(ctxOf(event), parsed.data));
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		redirect(303, `/partners/${id}?created=1`);
	}
};
