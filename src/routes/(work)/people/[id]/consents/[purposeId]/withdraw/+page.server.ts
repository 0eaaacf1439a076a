import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { listConsents, withdrawConsent, withdrawConsentInput } from '#lib/server/people/index.ts';
import { NotFoundError } from '#lib/server/core/index.ts';
import { ctxOf, failFrom, guard, parseForm, pathId } from '#lib/server/web/index.ts';

// The second click of a withdrawal: what will stop, then one button. A page of its own, so it works
// without JavaScript and nobody withdraws by a slip of the thumb.

export const load: PageServerLoad = (event) =>
	guard(event, async (ctx) => {
		const purposeId = pathId(event, 'purposeId');
		const view = await listConsents(ctx, { personId: pathId(event) });
		const purpose = view.purposes.find((p) => p.id === purposeId);
		if (!purpose) throw new NotFoundError();
		return { person: view.person, purpose: { id: purpose.id, code: purpose.code, state: purpose.state, stops: [...purpose.stops] } };
	});

export const actions: Actions = {
	default: async (event) => {
		const personId = pathId(event);
		const purposeId = pathId(event, 'purposeId');
		const parsed = await parseForm(event.request, withdrawConsentInput.omit({ personId: true, purposeId: true }), event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		try {
			await withdrawConsent(ctxOf(event), { ...parsed.data, personId, purposeId });
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		redirect(303, `/people/${personId}/consents?withdrawn=${purposeId}`);
	}
};
