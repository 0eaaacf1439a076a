import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import {
	SIGNAL_STATUSES,
	getSignal,
	signalChoices,
	signalNextSteps,
	unlinkSignalEvidence,
	unlinkSignalInput,
	updateSignal,
	updateSignalInput
} from '#lib/server/fieldwork/index.ts';
import { todayInBelgium } from '#lib/server/core/index.ts';
import { ctxOf, failFrom, forForm, guard, parseForm, pathId } from '#lib/server/web/index.ts';

// One signal: what it is, the evidence (each removal confirmed first: ?remove=<evidenceId> shows the
// question, without JavaScript), the next step the machine allows, a small edit form and the history.
// Another neighbourhood's signal is the verb's 404, exactly like an unknown id.

const stepForm = updateSignalInput.pick({ escalatedTo: true, escalatedOn: true, answer: true, note: true }).extend({
	status: z.enum(SIGNAL_STATUSES, 'error_choice')
});
const editForm = updateSignalInput.pick({ title: true, description: true });
const unlinkForm = unlinkSignalInput.omit({ id: true });

export const load: PageServerLoad = async (event) => {
	const id = pathId(event);
	return guard(event, async (ctx) => {
		const signal = await getSignal(ctx, { id });
		const choices = await signalChoices(ctx);
		const q = event.url.searchParams;
		const removeId = q.get('remove');
		const removing =
			signal.linkedContacts.find((c) => c.evidenceId === removeId) ?? signal.linkedQuestions.find((x) => x.evidenceId === removeId) ?? null;
		return {
			signal,
			areaName: choices.areas.find((a) => a.id === signal.areaId)?.name ?? null,
			mayManage: choices.manage !== null,
			steps: signalNextSteps(signal.status),
			today: todayInBelgium(),
			removing,
			notice: (['created', 'linked', 'saved', 'removed'] as const).find((k) => q.get(k) === '1') ?? null
		};
	});
};

export const actions: Actions = {
	step: async (event) => {
		const id = pathId(event);
		const parsed = await parseForm(event.request, stepForm, event.locals.locale);
		if (!parsed.ok) return forForm('step', parsed.failure);
		try {
			await updateSignal(ctxOf(event), { ...parsed.data, id });
		} catch (e) {
			return forForm('step', failFrom(e, parsed.values, event.locals.locale));
		}
		redirect(303, `/fieldwork/signals/${id}?saved=1`);
	},
	edit: async (event) => {
		const id = pathId(event);
		const parsed = await parseForm(event.request, editForm, event.locals.locale);
		if (!parsed.ok) return forForm('edit', parsed.failure);
		try {
			await updateSignal(ctxOf(event), { ...parsed.data, id });
		} catch (e) {
			return forForm('edit', failFrom(e, parsed.values, event.locals.locale));
		}
		redirect(303, `/fieldwork/signals/${id}?saved=1`);
	},
	unlink: async (event) => {
		const id = pathId(event);
		const parsed = await parseForm(event.request, unlinkForm, event.locals.locale);
		if (!parsed.ok) return forForm('unlink', parsed.failure);
		try {
			await unlinkSignalEvidence(ctxOf(event), { ...parsed.data, id });
		} catch (e) {
			return forForm('unlink', failFrom(e, parsed.values, event.locals.locale));
		}
		redirect(303, `/fieldwork/signals/${id}?removed=1`);
	}
};
