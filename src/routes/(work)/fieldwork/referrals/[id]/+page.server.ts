import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { REFERRAL_REASONS, getReferral, referralNextSteps, updateReferral, updateReferralInput } from '#lib/server/fieldwork/index.ts';
import { ctxOf, failFrom, guard, parseForm, pathId } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) => {
	const id = pathId(event);
	return guard(event, async (ctx) => {
		const referral = await getReferral(ctx, { id });
		return {
			referral,
			steps: referralNextSteps(referral.status),
			reasons: REFERRAL_REASONS,
			created: event.url.searchParams.get('created') === '1',
			saved: event.url.searchParams.get('saved') === '1'
		};
	});
};

export const actions: Actions = {
	status: async (event) => {
		const id = pathId(event);
		const parsed = await parseForm(event.request, updateReferralInput.omit({ id: true }), event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		try {
			await updateReferral(ctxOf(event), { ...parsed.data, id });
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		redirect(303, `/fieldwork/referrals/${id}?saved=1`);
	}
};
