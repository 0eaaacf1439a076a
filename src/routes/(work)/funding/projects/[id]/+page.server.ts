import type { Actions, PageServerLoad } from './$types';
import { fail, redirect, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { formatCents } from '#lib/funding/money.ts';
import {
	AmendmentRefusedError,
	OverGrantError,
	decideAmendment,
	getProject,
	grantForms,
	planTranche,
	proposeAmendment,
	recordExpense,
	recordTranche
} from '#lib/server/funding/index.ts';
import { failFrom, forForm, formValues, guard, parseForm, pathId, translate, ctxOf, type FormState } from '#lib/server/web/index.ts';

// A project's page: its budget against the spending, tranches, expenses and amendments. Every form posts
// without JavaScript; each action parses its form (amounts as people type them), calls one verb and maps
// its refusal back onto the form's fields.

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const q = event.url.searchParams;
		// What the last action did (?done=…) and the confirmation step of a decision (?decide=…&version=…).
		const shown = { done: q.get('done'), by: Number(q.get('by')) || 0, decide: q.get('decide'), version: Number(q.get('version')) || 0 };
		return { project: await getProject(ctx, { id: pathId(event) }), shown };
	});

/** The verb's field names → the form's. */
const FIELD: Record<string, string> = { amountCents: 'amount', paidCents: 'paidAmount', lineId: 'line', spentOn: 'spentOn', trancheId: 'tranche' };
function failed(form: string, e: unknown, values: Record<string, string | string[]>, locale: string): ActionFailure<FormState & { form: string }> {
	const failure = failFrom(e, values, locale);
	const errors = Object.fromEntries(Object.entries(failure.data.errors).map(([k, v]) => [FIELD[k] ?? k, v]));
	return fail(failure.status, { ...failure.data, values: echo(values), errors, form });
}

/** What was typed, for the form to show again; a repeated field as `name.0`, `name.1` … */
const echo = (values: Record<string, string | string[]>) =>
	Object.fromEntries(
		Object.entries(values).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x, i) => [`${k}.${i}`, x.slice(0, 2000)]) : [[k, v.slice(0, 2000)]]))
	);

/** A form with a file or repeated fields: read once, parsed with the form's schema, errors in the page's language. */
async function readForm<S extends z.ZodType>(request: Request, schema: S, locale: string, form: string, arrays: string[] = []) {
	let data: FormData;
	try {
		data = await request.formData();
	} catch {
		// Over the server's body limit: refused before it is read, with the same words as the verb's.
		const errors = form === 'expense' ? { file: translate('fund_expense_error_file_size', locale) } : {};
		return { ok: false as const, failure: fail(413, { form, values: {}, errors, message: translate('error_too_large', locale) }) };
	}
	const values = formValues(data);
	for (const key of arrays) if (typeof values[key] === 'string') values[key] = [values[key] as string];
	const parsed = schema.safeParse(values);
	if (parsed.success) return { ok: true as const, data: parsed.data as z.infer<S>, values, formData: data };
	const errors: Record<string, string> = {};
	for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '_')] ??= translate(issue.message, locale);
	return { ok: false as const, failure: fail(400, { form, values: echo(values), errors, message: translate('error_invalid', locale) }) };
}

export const actions: Actions = {
	plan: async (event) => {
		const projectId = pathId(event);
		const locale = event.locals.locale;
		const parsed = await parseForm(event.request, grantForms.planForm, locale);
		if (!parsed.ok) return forForm('plan', parsed.failure);
		const { plannedOn, amount, condition } = parsed.data;
		try {
			await planTranche(ctxOf(event), { projectId, plannedOn, amountCents: amount, condition });
		} catch (e) {
			const f = failed('plan', e, parsed.values, locale);
			if (e instanceof OverGrantError)
				f.data.errors.amount = `${f.data.errors.amount} ${translate('fund_tranche_over_by', locale, { amount: formatCents(e.overCents, locale) })}`;
			return f;
		}
		redirect(303, `/funding/projects/${projectId}?done=planned#tranches`);
	},
	pay: async (event) => {
		const projectId = pathId(event);
		const locale = event.locals.locale;
		const parsed = await parseForm(event.request, grantForms.payForm, locale);
		if (!parsed.ok) return forForm('pay', parsed.failure);
		try {
			await recordTranche(ctxOf(event), { trancheId: parsed.data.tranche, paidOn: parsed.data.paidOn, paidCents: parsed.data.paidAmount });
		} catch (e) {
			const f = failed('pay', e, parsed.values, locale);
			if (e instanceof OverGrantError)
				f.data.errors.paidAmount = `${f.data.errors.paidAmount} ${translate('fund_tranche_over_by', locale, { amount: formatCents(e.overCents, locale) })}`;
			return f;
		}
		redirect(303, `/funding/projects/${projectId}?done=paid#tranches`);
	},
	expense: async (event) => {
		const projectId = pathId(event);
		const locale = event.locals.locale;
		const parsed = await readForm(event.request, grantForms.expenseForm, locale, 'expense');
		if (!parsed.ok) return parsed.failure;
		const values = parsed.values;
		const upload = parsed.formData.get('file');
		const file =
			upload instanceof File && upload.size > 0
				? { name: upload.name || 'document', content: new Uint8Array(await upload.arrayBuffer()) }
				: undefined;
		const { line, spentOn, amount, supplier, description } = parsed.data;
		let out;
		try {
			out = await recordExpense(ctxOf(event), {
				projectId,
				lineId: line.lineId,
				year: line.year,
				spentOn,
				amountCents: amount,
				supplier,
				description,
				file
			});
		} catch (e) {
			return failed('expense', e, values, locale);
		}
		redirect(303, `/funding/projects/${projectId}?done=${out.overspent ? `overspent&by=${-out.remainingCents}` : 'expense'}#expenses`);
	},
	propose: async (event) => {
		const projectId = pathId(event);
		const locale = event.locals.locale;
		const parsed = await readForm(event.request, grantForms.proposeForm, locale, 'propose', ['line', 'category', 'description', 'amount']);
		if (!parsed.ok) return parsed.failure;
		try {
			await proposeAmendment(ctxOf(event), { projectId, body: { budget: parsed.data.budget }, reason: parsed.data.reason });
		} catch (e) {
			const f = failed('propose', e, parsed.values, locale);
			// The page says each failing rule in words (describe.ts), by how much.
			if (e instanceof AmendmentRefusedError) return fail(f.status, { ...f.data, errors: {}, refused: e.check });
			return f;
		}
		redirect(303, `/funding/projects/${projectId}?done=proposed#amendments`);
	},
	decide: async (event) => {
		const projectId = pathId(event);
		const locale = event.locals.locale;
		const parsed = await parseForm(event.request, grantForms.decideForm, locale);
		if (!parsed.ok) return forForm('decide', parsed.failure);
		const { version, decision, reason } = parsed.data;
		try {
			await decideAmendment(ctxOf(event), { projectId, version, approve: decision === 'approve', reason });
		} catch (e) {
			const f = failed('decide', e, parsed.values, locale);
			if (e instanceof AmendmentRefusedError) return fail(f.status, { ...f.data, errors: {}, refused: e.check });
			return f;
		}
		redirect(303, `/funding/projects/${projectId}?done=${decision === 'approve' ? 'approved' : 'refused'}#amendments`);
	}
};
