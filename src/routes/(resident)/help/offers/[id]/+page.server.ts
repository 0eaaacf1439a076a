import type { Actions, PageServerLoad } from './$types';
import { z } from 'zod';
import { requirePermission } from '#lib/server/access/index.ts';
import { getOffer, updateOffer } from '#lib/server/aid/index.ts';
import { NotFoundError } from '#lib/server/core/index.ts';
import { ctxOf } from '#lib/server/web/index.ts';
import { failFrom, forForm, parseForm } from '#lib/server/web/index.ts';
import { guard, pathId } from '#lib/server/web/index.ts';

// One of the volunteer's own offers: what it says, pause it or take it up again, change it.
export const load: PageServerLoad = async (event) => {
	const id = pathId(event);
	return guard(event, async (ctx) => {
		requirePermission(ctx.actor, 'aid.own.read');
		const offer = await getOffer(ctx, id);
		if (offer.personId !== ctx.actor.personId) throw new NotFoundError();
		return { offer };
	});
};

const pauseInput = z.object({ status: z.enum(['active', 'paused'], { message: 'error_choice' }) });

export const actions: Actions = {
	pause: async (event) => {
		const id = pathId(event);
		const parsed = await parseForm(event.request, pauseInput, event.locals.locale);
		if (!parsed.ok) return forForm('pause', parsed.failure);
		try {
			await updateOffer(ctxOf(event), { id, status: parsed.data.status });
			return { done: parsed.data.status };
		} catch (e) {
			return forForm('pause', failFrom(e, parsed.values, event.locals.locale));
		}
	}
};
