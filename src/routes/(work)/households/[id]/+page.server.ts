import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { addHouseholdMember, addMemberInput, endHouseholdMember, endMemberInput, getHousehold, listPeople } from '#lib/server/people/index.ts';
import { can } from '#lib/server/access/index.ts';
import { ctxOf, failFrom, forForm, guard, parseForm, pathId } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) => {
	const id = pathId(event);
	const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 80);
	return guard(event, async (ctx) => {
		const household = await getHousehold(ctx, { id });
		const manage = can(ctx.actor, 'people.household.manage', household);
		// The plain name search of the people list (listPeople); the household keeps its own organisation.
		const found = manage && q ? (await listPeople(ctx, { q, limit: 20 })).items : [];
		const inside = new Set(household.members.map((x) => x.personId));
		return {
			household,
			manage,
			q,
			results: manage && q ? found.filter((p) => p.organisationId === household.organisationId && !inside.has(p.id)) : null,
			leaving: household.members.find((x) => x.id === event.url.searchParams.get('leave')) ?? null,
			left: event.url.searchParams.get('left') === '1',
			added: event.url.searchParams.get('added') === '1'
		};
	});
};

export const actions: Actions = {
	add: async (event) => {
		const householdId = pathId(event);
		const parsed = await parseForm(event.request, addMemberInput.omit({ householdId: true }), event.locals.locale);
		if (!parsed.ok) return forForm('add', parsed.failure);
		try {
			await addHouseholdMember(ctxOf(event), { ...parsed.data, householdId });
		} catch (e) {
			return forForm('add', failFrom(e, parsed.values, event.locals.locale));
		}
		redirect(303, `/households/${householdId}?added=1`);
	},
	leave: async (event) => {
		const householdId = pathId(event);
		const parsed = await parseForm(event.request, endMemberInput.omit({ householdId: true }), event.locals.locale);
		if (!parsed.ok) return forForm('leave', parsed.failure);
		try {
			await endHouseholdMember(ctxOf(event), { ...parsed.data, householdId });
		} catch (e) {
			return forForm('leave', failFrom(e, parsed.values, event.locals.locale));
		}
		redirect(303, `/households/${householdId}?left=1`);
	}
};
