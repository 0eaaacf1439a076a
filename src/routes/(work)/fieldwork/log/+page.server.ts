import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { CONTACT_TYPES, contactFromForm, logChoices, logContact } from '#lib/server/fieldwork/index.ts';
import { ctxOf, failFrom, formValues, guard } from '#lib/server/web/index.ts';

// The contact log on a phone: one form, no JavaScript needed. Its "Search" button posts the same form
// back with the people whose first name matches, everything typed kept; "Save" logs the contact. With
// JavaScript the page searches as one types: the same search through this load (?q=), same checkboxes.

const flat = (values: Record<string, string | string[]>) =>
	Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]));

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const q = event.url.searchParams.get('q')?.slice(0, 80) || undefined;
		const choices = await logChoices(ctx, { q });
		const type = event.url.searchParams.get('type');
		return { choices, types: CONTACT_TYPES, preset: (CONTACT_TYPES as readonly string[]).includes(type ?? '') ? type : null };
	});

export const actions: Actions = {
	default: async (event) => {
		const values = formValues(await event.request.formData());
		const ctx = ctxOf(event);
		if (values.search !== undefined) {
			// The search re-renders the form: its matches, and every value as it was.
			const q = typeof values.q === 'string' ? values.q : '';
			try {
				const { matches } = await logChoices(ctx, { q });
				return { values: flat(values), errors: {}, matches, searched: true };
			} catch (e) {
				return failFrom(e, values, event.locals.locale);
			}
		}
		let id: string;
		try {
			const organisationId = typeof values.organisationId === 'string' ? values.organisationId : '';
			({ id } = await logContact(ctx, contactFromForm(values, organisationId) as never));
		} catch (e) {
			return failFrom(e, values, event.locals.locale);
		}
		redirect(303, `/fieldwork/contacts/${id}?logged=1`);
	}
};
