import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { createHousehold, getPerson, MEMBER_ROLES } from '#lib/server/people/index.ts';
import { ctxOf, failFrom, guard, parseForm } from '#lib/server/web/index.ts';

// A new household starts from a person (their ties tab): it takes that person's organisation and
// neighbourhood, and the person as its first member.

const UUID = z.uuid();

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const id = event.url.searchParams.get('person') ?? '';
		if (!UUID.safeParse(id).success) return { person: null };
		const p = await getPerson(ctx, { id });
		return { person: { id: p.id, firstName: p.firstName, lastName: p.lastName } };
	});

const newHouseholdForm = z.object({
	personId: z.uuid('people_household_error_person'),
	name: z.string().optional(),
	role: z.enum(MEMBER_ROLES, 'error_choice'),
	head: z.string().optional()
});

export const actions: Actions = {
	default: async (event) => {
		const parsed = await parseForm(event.request, newHouseholdForm, event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		const ctx = ctxOf(event);
		let id: string;
		try {
			const person = await getPerson(ctx, { id: parsed.data.personId });
			const { personId, name, role, head } = parsed.data;
			({ id } = await createHousehold(ctx, {
				organisationId: person.organisationId ?? '',
				areaId: person.areaId,
				name,
				members: [{ personId, role, head: head === 'on' }]
			}));
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		redirect(303, `/households/${id}`);
	}
};
