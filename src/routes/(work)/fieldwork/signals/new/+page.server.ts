import type { Actions, PageServerLoad } from './$types';
import { error, redirect } from '@sveltejs/kit';
import { createSignal, createSignalInput, getContact, getQuestion, signalChoices } from '#lib/server/fieldwork/index.ts';
import { ctxOf, failFrom, guard, parseForm, translate } from '#lib/server/web/index.ts';
import { THEMES } from '#lib/themes.ts';

// A new signal: theme, neighbourhood (the actor's own first), title, description. Started from a
// contact or a question (?contact= / ?question=), that record is linked in the same transaction;
// it is read here through its own verb, so another neighbourhood's id is a 404 before the form shows.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const param = (k: string) => {
			const v = (event.url.searchParams.get(k) ?? '').slice(0, 40);
			if (v && !UUID.test(v)) error(404, translate('error_not_found', event.locals.locale));
			return v;
		};
		const [contactId, questionId] = [param('contact'), param('question')];
		const choices = await signalChoices(ctx);
		// Reading (read) is not noting (manage): the form is for those who may note signals.
		if (!choices.manage) error(403, translate('error_forbidden', event.locals.locale));
		const contact = contactId ? await getContact(ctx, { id: contactId }) : null;
		const question = questionId ? await getQuestion(ctx, { id: questionId }) : null;
		return {
			themes: THEMES,
			organisationId: choices.manage.organisationId,
			areas: choices.manage.areas,
			defaultArea: contact?.areaId ?? question?.areaId ?? choices.manage.defaultArea,
			contact: contact && { id: contact.id, type: contact.type, startedAt: contact.startedAt, themes: contact.themes },
			question: question && { id: question.id, title: question.title, theme: question.theme }
		};
	});

export const actions: Actions = {
	default: async (event) => {
		const parsed = await parseForm(event.request, createSignalInput, event.locals.locale, ['contactIds', 'questionIds']);
		if (!parsed.ok) return parsed.failure;
		let id: string;
		try {
			({ id } = await createSignal(ctxOf(event), parsed.data));
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		redirect(303, `/fieldwork/signals/${id}?created=1`);
	}
};
