import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { fail, redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import { ConflictError, ForbiddenError, belgianClock } from '#lib/server/core/index.ts';
import { callForms as f, getCall, updateCall } from '#lib/server/funding/index.ts';
import type { CallRules } from '#lib/funding/types.ts';
import { ctxOf, failFrom, forForm, guard, parseForm, pathId, translate } from '#lib/server/web/index.ts';

// The rules editor: one small form per part of the rules, each a plain post. An action merges its part
// into the rules as they are now and saves the whole, naming the version the page showed: a save
// after someone else's is refused and said so, and the page shows their version.

const clock = (at: Date) => {
	const c = belgianClock(at);
	return { day: c.day, time: `${String(Math.floor(c.minute / 60)).padStart(2, '0')}:${String(c.minute % 60).padStart(2, '0')}` };
};
const euros = (cents: number | null) => (cents === null ? '' : (cents / 100).toFixed(cents % 100 ? 2 : 0).replace('.', ','));
const percent = (bp: number | null) => (bp === null ? '' : String(bp / 100).replace('.', ','));

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const call = await getCall(ctx, { id: pathId(event) });
		if (!call.manageable) throw new ForbiddenError('funding.programme.manage');
		const opens = clock(call.opensAt);
		const closes = clock(call.closesAt);
		return {
			call,
			text: {
				opensOn: opens.day,
				opensTime: opens.time,
				closesOn: closes.day,
				closesTime: closes.time,
				maxGrant: euros(call.rules.maxGrantCents),
				startFund: euros(call.rules.startFundMaxCents),
				cofinancing: percent(call.rules.minCofinancingBp),
				smallInfrastructure: percent(call.rules.maxSmallInfrastructureBp)
			}
		};
	});

type Part<S extends z.ZodType> = (rules: CallRules, form: z.infer<S>) => CallRules | { rules: CallRules; then: string };

function save<S extends z.ZodObject>(name: string, schema: S, part: Part<S>, arrays: string[] = []) {
	return async (event: RequestEvent) => {
		const id = pathId(event);
		const locale = event.locals.locale;
		const parsed = await parseForm(event.request, schema, locale, arrays);
		if (!parsed.ok) return forForm(name, parsed.failure);
		const ctx = ctxOf(event);
		const data = parsed.data as z.infer<S> & { version: number; title?: string; summary?: string };
		try {
			const call = await getCall(ctx, { id });
			const out = part(call.rules, data);
			const rules = 'then' in out ? out.rules : out;
			await updateCall(ctx, { id, version: data.version, title: data.title ?? call.title, summary: data.summary ?? call.summary, rules });
			redirect(303, `/funding/calls/${id}/rules?saved=${name}${'then' in out ? out.then : ''}#${name}`);
		} catch (e) {
			if (e instanceof ConflictError) return fail(409, { values: {}, errors: {}, message: translate('fund_call_error_stale', locale), form: name });
			return forForm(name, failFrom(e, parsed.values, locale));
		}
	};
}

export const actions: Actions = {
	general: save('general', f.generalForm, f.withGeneral),
	who: save('who', f.whoForm, f.withWho, ['applicantKinds']),
	money: save('money', f.moneyForm, f.withMoney),
	budget: save('budget', f.budgetForm, f.withBudget, ['categories']),
	phase: save('phases', f.phaseForm, (r, form) => {
		const { rules, moved } = f.withPhase(r, form);
		return { rules, then: `&moved=${form.index}&shifted=${moved.shifted.join(',')}` };
	}),
	section: save('sections', f.sectionForm, f.withSection),
	jury: save('jury', f.juryForm, f.withJury, ['weights'])
};
