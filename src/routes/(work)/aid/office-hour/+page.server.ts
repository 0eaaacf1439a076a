import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { holds } from '#lib/server/access/index.ts';
import { MAX_LIMIT } from '#lib/server/core/index.ts';
import {
	DuplicatePersonError,
	countVisit,
	countVisitInput,
	getNeed,
	officeHoursOnDuty,
	personAid,
	suggestMatches,
	visitsToday,
	walkIn,
	walkInInput
} from '#lib/server/aid/index.ts';
import { getPerson, listPeople } from '#lib/server/people/index.ts';
import { onDuty } from '#lib/aid/week.ts';
import { belgianClock } from '#lib/server/core/index.ts';
import { ctxOf, failFrom, forForm, guard, parseForm, translate } from '#lib/server/web/index.ts';

// The office-hour mode of the facilitator on duty. Everything is in the address (?hour, ?need,
// ?q, ?person), so the page works without JavaScript and a reload never posts twice.
const params = z.object({
	hour: z.uuid().optional(),
	need: z.uuid().optional(),
	person: z.uuid().optional(),
	q: z.string().max(200).optional()
});

export const load: PageServerLoad = async (event) => {
	const p = params.safeParse(Object.fromEntries(event.url.searchParams));
	if (!p.success) error(400, translate('error_bad_request', event.locals.locale));
	const { hour: hourId, need: needId, person: personId, q } = p.data;
	return guard(event, async (ctx) => {
		const hours = (await officeHoursOnDuty(ctx, { limit: MAX_LIMIT })).items;
		const now = new Date();
		const clock = belgianClock(now);
		const hour = (hourId ? hours.find((h) => h.id === hourId) : null) ?? onDuty(hours, { day: clock.dayOfWeek - 1, minute: clock.minute });
		const [visits, need, people, person] = await Promise.all([
			hour ? visitsToday(ctx, { officeHourId: hour.id, now }) : 0,
			needId ? getNeed(ctx, needId).then(async (n) => ({ ...n, suggestions: (await suggestMatches(ctx, n.id, 5)).candidates })) : null,
			q?.trim() ? listPeople(ctx, { q, limit: 20 }) : null,
			personId
				? getPerson(ctx, personId, 'office hours').then(async (pp) => ({ id: pp.id, firstName: pp.firstName, ...(await personAid(ctx, pp.id)) }))
				: null
		]);
		return {
			hours: hours.map((h) => ({ id: h.id, day: h.day, start: h.start, end: h.end, place: h.place, areaName: h.areaName })),
			hour: hour
				? { id: hour.id, day: hour.day, start: hour.start, end: hour.end, place: hour.place, areaName: hour.areaName, areaId: hour.areaId }
				: null,
			visits,
			need,
			people: people?.map((x) => ({ id: x.id, firstName: x.firstName, lastName: x.lastName })) ?? null,
			person,
			q: q?.slice(0, 80) ?? '',
			canRegister: holds(ctx.actor, 'people.person.register'),
			canSchedule: holds(ctx.actor, 'aid.office_hours.manage')
		};
	});
};

export const actions: Actions = {
	walkIn: async (event) => {
		const parsed = await parseForm(event.request, walkInInput, event.locals.locale, ['languages']);
		if (!parsed.ok) return forForm('walkin', parsed.failure);
		let done;
		try {
			done = await walkIn(ctxOf(event), parsed.data);
		} catch (e) {
			return forForm('walkin', failFrom(e, parsed.values, event.locals.locale));
		}
		if ('known' in done) {
			// The form comes back with everything typed, and the people already known offered instead.
			const failure = forForm('walkin', failFrom(new DuplicatePersonError(done.known), parsed.values, event.locals.locale));
			const known = done.known.map((p) => ({ id: p.id, firstName: p.firstName, lastName: p.lastName, phone: p.phone, createdAt: p.createdAt }));
			return fail(failure.status, { ...failure.data, known });
		}
		redirect(303, `/aid/office-hour?hour=${parsed.data.officeHourId}&need=${done.need.id}`);
	},
	visit: async (event) => {
		const parsed = await parseForm(event.request, countVisitInput, event.locals.locale);
		if (!parsed.ok) return forForm('visit', parsed.failure);
		try {
			await countVisit(ctxOf(event), parsed.data);
			return { visitCounted: true };
		} catch (e) {
			return forForm('visit', failFrom(e, parsed.values, event.locals.locale));
		}
	}
};
