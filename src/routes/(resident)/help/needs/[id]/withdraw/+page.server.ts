import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '#lib/server/access/index.ts';
import { getNeed, withdrawNeed, withdrawNeedInput } from '#lib/server/aid/index.ts';
import { NotFoundError } from '#lib/server/core/index.ts';
import { ctxOf } from '#lib/server/web/index.ts';
import { failFrom, parseForm } from '#lib/server/web/index.ts';
import { guard, pathId } from '#lib/server/web/index.ts';

// Withdrawing is a page of its own (works without JavaScript): it says what will happen, and the
// box "yes, withdraw" must be ticked; the server checks it too.
export const load: PageServerLoad = async (event) => {
	const id = pathId(event);
	return guard(event, async (ctx) => {
		requirePermission(ctx.actor, 'aid.own.write');
		const need = await getNeed(ctx, id);
		if (need.personId !== ctx.actor.personId) throw new NotFoundError();
		return { need: { id: need.id, title: need.title, status: need.status } };
	});
};

const confirmed = withdrawNeedInput.omit({ id: true }).extend({ confirm: z.literal('yes', { message: 'aid_withdraw_confirm_required' }) });

export const actions: Actions = {
	default: async (event) => {
		const id = pathId(event);
		const parsed = await parseForm(event.request, confirmed, event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		try {
			await withdrawNeed(ctxOf(event), { id, reason: parsed.data.reason ?? null });
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		redirect(303, `/help/needs/${id}?withdrawn=1`);
	}
};
