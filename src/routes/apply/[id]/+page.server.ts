import type { Actions, PageServerLoad } from './$types';
import { fail, redirect } from '@sveltejs/kit';
import { ConflictError } from '#lib/server/core/index.ts';
import { getApplication, updateApplication, withdrawApplication } from '#lib/server/funding/index.ts';
import { bodyFromForm, fieldsFromBody } from '#lib/funding/application-form.ts';
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
		const { body, problems } = bodyFromForm(form, current.rules, current.body);
		const errors = Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, translate(key, locale)]));
		if (Object.keys(errors).length) return fail(400, { values, errors, message: null });
		const version = Number(values.version);
		try {
			await updateApplication(ctx, { id, version, body });
		} catch (e) {
			if (e instanceof ConflictError && current.editable && version !== current.version) {
				// Theirs, as saved: the page shows each field that differs from what this person typed.
				return fail(409, { values, errors: {}, message: translate('fund_app_error_stale', locale), theirs: fieldsFromBody(current.body), version: current.version });
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
