import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import {
	cancelRegistration,
	cancelRegistrationInput,
	createSession,
	createSessionInput,
	getActivity,
	registerForActivity,
	registerInput
} from '#lib/server/activities/index.ts';
import { can } from '#lib/server/access/index.ts';
import { findHouseholds, searchPeople } from '#lib/server/people/index.ts';
import { ctxOf, failFrom, forForm, guard, parseForm, pathId } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) => {
	const id = pathId(event);
	return guard(event, async (ctx) => {
		const activity = await getActivity(ctx, { id });
		const canRegister = can(ctx.actor, 'activities.registration.manage', activity);
		const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 80);
		const forSession = event.url.searchParams.get('sessionId') ?? '';
		// Who to register: the same name search as the people pages, people and households of this organisation.
		const [people, households] =
			canRegister && q
				? await Promise.all([
						searchPeople(ctx, { q }).then((found) => found.filter((p) => p.id)),
						findHouseholds(ctx, { q, organisationId: activity.organisationId })
					])
				: [[], []];
		const p = event.url.searchParams;
		return {
			activity,
			canManage: can(ctx.actor, 'activities.activity.manage', activity),
			canRegister,
			search: { q, sessionId: activity.sessions.some((s) => s.id === forSession) ? forSession : '', people, households },
			notice: {
				created: p.get('created') === '1',
				session: p.get('session') === '1',
				cancelled: p.get('cancelled') === '1',
				registered: p.has('registered') ? { registered: p.get('registered') ?? '0', waiting: p.get('waiting') ?? '0' } : null
			}
		};
	});
};

export const actions: Actions = {
	register: async (event) => {
		const id = pathId(event);
		const parsed = await parseForm(event.request, registerInput, event.locals.locale);
		if (!parsed.ok) return forForm('register', parsed.failure);
		let out;
		try {
			out = await registerForActivity(ctxOf(event), { ...parsed.data, activityId: id });
		} catch (e) {
			return forForm('register', failFrom(e, parsed.values, event.locals.locale));
		}
		const registered = out.registrations.filter((r) => r.status === 'registered').length;
		redirect(303, `/activities/${id}?registered=${registered}&waiting=${out.registrations.length - registered}#registrations-h`);
	},
	cancel: async (event) => {
		const id = pathId(event);
		const parsed = await parseForm(event.request, cancelRegistrationInput, event.locals.locale);
		if (!parsed.ok) return forForm('cancel', parsed.failure);
		try {
			await cancelRegistration(ctxOf(event), parsed.data);
		} catch (e) {
			return forForm('cancel', failFrom(e, parsed.values, event.locals.locale));
		}
		redirect(303, `/activities/${id}?cancelled=1#registrations-h`);
	},
	session: async (event) => {
		const id = pathId(event);
		const parsed = await parseForm(event.request, createSessionInput.omit({ activityId: true }), event.locals.locale);
		if (!parsed.ok) return forForm('session', parsed.failure);
		try {
			await createSession(ctxOf(event), { ...parsed.data, activityId: id });
		} catch (e) {
			return forForm('session', failFrom(e, parsed.values, event.locals.locale));
		}
		redirect(303, `/activities/${id}?session=1#sessions-h`);
	}
};
