import type { Actions, PageServerLoad } from './$types';
import { error, fail, redirect } from '@sveltejs/kit';
import { parseAmount } from '#lib/funding/money.ts';
import { askInformation, checkEligibility, decideApplication, getReviewApplication, reopenReview, startReview } from '#lib/server/funding/index.ts';
import { ctxOf, failFrom, forForm, formValues, guard, pathId, translate } from '#lib/server/web/index.ts';

// The officer's page of one application: what it asks, its history, and the steps the status machine
// allows now as forms. A decision is mailed, so it goes through a confirmation (?confirm=decide) that
// shows what the applicant will read; the confirmation posts the same fields again.

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const id = pathId(event, 'app');
		const application = await getReviewApplication(ctx, { id });
		// The path's call must be the application's own: another call's path is not this page.
		if (application.callId !== pathId(event)) error(404, translate('error_not_found', event.locals.locale));
		return { application };
	});

type Event = Parameters<Actions[string]>[0];
const text = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');
const back = (event: Event, done: string): never =>
	redirect(303, `/funding/calls/${pathId(event)}/applications/${pathId(event, 'app')}?done=${done}`);

const echo = (values: Record<string, string | string[]>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, text(v)]));

async function run(
	event: Event,
	form: string,
	work: (values: Record<string, string | string[]>, id: string) => Promise<unknown>,
	given?: Record<string, string | string[]>
) {
	const id = pathId(event, 'app');
	const values = given ?? formValues(await event.request.formData());
	try {
		await work(values, id);
	} catch (e) {
		return forForm(form, failFrom(e, values, event.locals.locale));
	}
	return back(event, form);
}

/** The decision's fields as typed: the amount in euro the Belgian way ("12.500,50"), only when granting. */
function decision(values: Record<string, string | string[]>, id: string) {
	const verdict = text(values.decision);
	const amount = text(values.amount).trim();
	const parsed = verdict === 'granted' ? parseAmount(amount) : null;
	return { parsed, input: { id, decision: verdict, reason: text(values.reason), grantedCents: parsed?.ok ? parsed.cents : undefined } };
}

export const actions: Actions = {
	eligibility: (event) =>
		run(event, 'eligibility', (v, id) =>
			checkEligibility(ctxOf(event), {
				id,
				eligible: text(v.eligible) === 'yes' ? true : text(v.eligible) === 'no' ? false : (undefined as never),
				reason: text(v.reason)
			})
		),
	start: (event) => run(event, 'start', (_v, id) => startReview(ctxOf(event), { id })),
	ask: (event) => run(event, 'ask', (v, id) => askInformation(ctxOf(event), { id, question: text(v.question) })),
	reopen: (event) => run(event, 'reopen', (v, id) => reopenReview(ctxOf(event), { applicationId: id, userId: text(v.userId) })),
	decide: async (event) => {
		const id = pathId(event, 'app');
		const values = formValues(await event.request.formData());
		const { parsed, input } = decision(values, id);
		const locale = event.locals.locale;
		const refuse = (field: string, key: string) =>
			fail(400, { values: echo(values), errors: { [field]: translate(key, locale) }, message: translate('error_invalid', locale), form: 'decide' });
		if (parsed && !parsed.ok) return refuse('grantedCents', 'fund_review_error_amount');
		if (text(values.confirmed) === 'yes') return run(event, 'decide', () => decideApplication(ctxOf(event), input as never), values);
		// The first post checks what the verb would refuse, then asks to confirm (nothing is written or mailed yet).
		if (input.decision !== 'granted' && input.decision !== 'rejected') return refuse('decision', 'error_choice');
		if (input.decision === 'rejected' && !input.reason.trim()) return refuse('reason', 'fund_review_error_reason');
		if (input.decision === 'granted' && !input.grantedCents) return refuse('grantedCents', 'fund_decision_error_amount');
		try {
			const app = await getReviewApplication(ctxOf(event), { id });
			if (input.grantedCents && input.grantedCents > app.requestedCents) return refuse('grantedCents', 'fund_decision_error_over_request');
		} catch (e) {
			return forForm('decide', failFrom(e, values, locale));
		}
		return {
			confirm: { decision: input.decision, grantedCents: input.grantedCents ?? null, reason: input.reason.trim(), amount: text(values.amount) }
		};
	}
};
