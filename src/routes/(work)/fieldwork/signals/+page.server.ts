import type { Actions, PageServerLoad } from './$types';
import { error, redirect } from '@sveltejs/kit';
import {
	getContact,
	getQuestion,
	linkSignalEvidence,
	linkSignalInput,
	listSignals,
	listSignalsInput,
	signalChoices
} from '#lib/server/fieldwork/index.ts';
import { ctxOf, failFrom, guard, parseForm, translate } from '#lib/server/web/index.ts';

// The signals in the actor's scope, ranked by evidence, with a GET filter form. With ?contact= or
// ?question= the page is in linking mode: what is being linked is read through its own verb (another
// neighbourhood's id is that verb's 404) and each signal gets a "Link here" button.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const param = (k: string) => (event.url.searchParams.get(k) ?? '').slice(0, 40);
		const filters = { theme: param('theme'), status: param('status'), areaId: param('areaId') };
		const linkId = (k: string) => {
			const v = param(k);
			if (v && !UUID.test(v)) error(404, translate('error_not_found', event.locals.locale));
			return v;
		};
		const [contactId, questionId] = [linkId('contact'), linkId('question')];
		const linking = contactId
			? { kind: 'contact' as const, ...(await getContact(ctx, { id: contactId })) }
			: questionId
				? { kind: 'question' as const, ...(await getQuestion(ctx, { id: questionId })) }
				: null;
		const choices = await signalChoices(ctx);
		const parsed = listSignalsInput.safeParse(Object.fromEntries(Object.entries(filters).filter(([, v]) => v)));
		const errors: Record<string, string> = {};
		if (!parsed.success)
			for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '_')] ??= translate(issue.message, event.locals.locale);
		const signals = parsed.success ? await listSignals(ctx, parsed.data) : [];
		return {
			filters,
			errors,
			areas: choices.areas,
			mayManage: choices.manage !== null,
			linking: linking && {
				kind: linking.kind,
				id: linking.id,
				type: linking.kind === 'contact' ? linking.type : null,
				startedAt: linking.kind === 'contact' ? linking.startedAt : null,
				title: linking.kind === 'question' ? linking.title : null
			},
			signals: signals.map((s) => ({
				id: s.id,
				title: s.title,
				theme: s.theme,
				status: s.status,
				areaId: s.areaId,
				people: s.people,
				contacts: s.contacts,
				questions: s.questions,
				lastSeen: s.lastSeen
			}))
		};
	});

export const actions: Actions = {
	link: async (event) => {
		const parsed = await parseForm(event.request, linkSignalInput, event.locals.locale, ['contactIds', 'questionIds']);
		if (!parsed.ok) return parsed.failure;
		try {
			await linkSignalEvidence(ctxOf(event), parsed.data);
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		redirect(303, `/fieldwork/signals/${parsed.data.id}?linked=1`);
	}
};
