import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { createReferral, createReferralInput, getQuestion, referralPartners, referralPreview } from '#lib/server/fieldwork/index.ts';
import { NotFoundError } from '#lib/server/core/index.ts';
import { ctxOf, failFrom, guard, parseForm } from '#lib/server/web/index.ts';

// Two steps on one address, without JavaScript: choose the partner (a GET form that adds ?partner=),
// then check what the partner will receive and send (the POST).
export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const q = event.url.searchParams;
		const ids = { personId: q.get('person') ?? '', questionId: q.get('question') ?? '', contactId: q.get('contact') ?? '' };
		if (!ids.personId) throw new NotFoundError();
		const question = ids.questionId ? await getQuestion(ctx, { id: ids.questionId }) : null;
		const partnerId = q.get('partner') ?? '';
		if (!partnerId) {
			const choice = await referralPartners(ctx, { personId: ids.personId, theme: question?.theme });
			return { step: 'partner' as const, ids, question, ...choice, preview: null };
		}
		const preview = await referralPreview(ctx, { personId: ids.personId, partnerId, questionId: ids.questionId || undefined });
		return { step: 'check' as const, ids, question, partnerId, preview, partners: [], person: null };
	});

export const actions: Actions = {
	default: async (event) => {
		const parsed = await parseForm(event.request, createReferralInput, event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		let id: string;
		try {
			({ id } = await createReferral(ctxOf(event), parsed.data));
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		redirect(303, `/fieldwork/referrals/${id}?created=1`);
	}
};
