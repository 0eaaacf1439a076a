import type { Actions, PageServerLoad } from './$types';
import { fail, redirect } from '@sveltejs/kit';
import { ConflictError, InvalidError } from '#lib/server/core/index.ts';
import { applicationBodyShape, getApplication, updateApplication, withdrawApplication } from '#lib/server/funding/index.ts';
import { bodyFromForm, fieldsFromBody, type Parsed } from '#lib/funding/application-form.ts';
import type { ApplicationBody } from '#lib/funding/types.ts';
import { ctxOf, failFrom, guard, pathId, signInFor, translate } from '#lib/server/web/index.ts';

// One application: the whole form while it may be edited (one plain post saves it, with or without
// JavaScript), otherwise what was sent, its status and its history. A save names the version the page
// showed: when a co-editor saved in between, nothing is overwritten — the page keeps what this person
// typed and shows what the other saved, field by field, and the next save is theirs to make.

export const load: PageServerLoad = async (event) => {
	if (!event.locals.actor.userId) redirect(303, signInFor(event.url));
	return guard(event, async (ctx) => {
		const application = await getApplication(ctx, { id: pathId(event) });
		const q = event.url.searchParams;
		return { application, saved: q.has('saved'), submitted: q.has('submitted'), withdrawn: q.has('withdrawn') };
	});
};

// The verb's input check names paths of the body ("sections.context", "budget.3.description"); the
// form's fields are "section_context", "line_<n>_description" (fieldOf maps a row's id to its n).
const LIST_FIELD: Record<string, string> = { budget: 'line', partners: 'partner', indicators: 'indicator', risks: 'risk' };
const SUFFIX: Record<string, string> = { amountCents: 'amount', contributionCents: 'contribution', partnerId: 'partner_id' };
function formField(path: string, body: ApplicationBody, fieldOf: Parsed['fieldOf']): string {
	const [head, second, third] = path.replace(/^body\./u, '').split('.');
	if (head === 'sections' && second) return `section_${second}`;
	if (head === 'ownContributionCents') return 'own_contribution';
	if (head === 'startFundCents') return 'start_fund';
	const list = head ? LIST_FIELD[head] : undefined;
	if (list && second !== undefined) {
		const row = (body[head as 'budget'] as { id: string }[])[Number(second)];
		const at = row ? fieldOf[row.id] : undefined;
		if (at && third) return `${at}_${SUFFIX[third] ?? third}`;
	}
	return head ?? path;
}

const texts = (form: FormData) => {
	const out: Record<string, string> = {};
	for (const [k, v] of form) if (typeof v === 'string') out[k] = v;
	return out;
};

export const actions: Actions = {
	save: async (event) => {
		const id = pathId(event);
		const ctx = ctxOf(event);
		const locale = event.locals.locale;
		const form = await event.request.formData();
		const values = texts(form);
		const current = await guard(event, (c) => getApplication(c, { id }));
		const { body, problems, fieldOf } = bodyFromForm(form, current.rules, current.body);
		const errors = Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, translate(key, locale)]));
		if (Object.keys(errors).length) return fail(400, { values, errors, message: null });
		// The verb checks the same shape, but names only "body"; here each refusal lands on its field.
		const shape = applicationBodyShape.safeParse(body);
		if (!shape.success) {
			const fields: Record<string, string> = {};
			for (const issue of shape.error.issues) fields[formField(issue.path.join('.'), body, fieldOf)] ??= translate(issue.message, locale);
			return fail(422, { values, errors: fields, message: null });
		}
		const version = Number(values.version);
		try {
			await updateApplication(ctx, { id, version, body });
		} catch (e) {
			if (e instanceof ConflictError && current.editable && version !== current.version) {
				// Theirs, as saved: the page shows each field that differs from what this person typed.
				return fail(409, {
					values,
					errors: {},
					message: translate('fund_app_error_stale', locale),
					theirs: fieldsFromBody(current.body),
					version: current.version
				});
			}
			if (e instanceof InvalidError) {
				const fields = Object.fromEntries(Object.entries(e.fields).map(([path, key]) => [formField(path, body, fieldOf), translate(key, locale)]));
				return fail(e.status, { values, errors: fields, message: translate(e.key, locale) });
			}
			return failFrom(e, values, locale);
		}
		redirect(303, values.intent === 'check' ? `/apply/${id}/check` : `/apply/${id}?saved`);
	},
	withdraw: async (event) => {
		const id = pathId(event);
		const form = await event.request.formData();
		const reason = String(form.get('reason') ?? '');
		try {
			await withdrawApplication(ctxOf(event), { id, reason });
		} catch (e) {
			return failFrom(e, { reason }, event.locals.locale);
		}
		redirect(303, `/apply/${id}?withdrawn`);
	}
};
