import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import {
	addParticipant,
	addParticipantForm,
	closeAttendance,
	getChecklist,
	headcountForm,
	setHeadcount,
	tickAttendance,
	tickForm,
	untickAttendance
} from '#lib/server/activities/index.ts';
import { ctxOf, failFrom, forForm, guard, parseForm, pathId } from '#lib/server/web/index.ts';

// The attendance checklist of one session. Every tick is a plain form post answered with a redirect
// back to the name (Post/Redirect/Get), so it works without JavaScript; with it, the page sends the
// same post in the background and keeps the page as it is.

const path = (event: RequestEvent) => ({ activityId: pathId(event), sessionId: pathId(event, 'sessionId') });

export const load: PageServerLoad = async (event) => {
	const ids = path(event);
	const q = event.url.searchParams.get('q')?.trim().slice(0, 80) || undefined;
	return guard(event, async (ctx) => ({
		checklist: await getChecklist(ctx, { ...ids, q }),
		q: q ?? '',
		confirmClose: event.url.searchParams.get('close') === '1',
		added: event.url.searchParams.get('added'),
		headcountSaved: event.url.searchParams.get('headcount') === 'saved',
		closed: event.url.searchParams.get('closed') === '1'
	}));
};

export const actions: Actions = {
	tick: async (event) => {
		const ids = path(event);
		const parsed = await parseForm(event.request, tickForm, event.locals.locale);
		if (!parsed.ok) return forForm('tick', parsed.failure);
		const { personId, present, q } = parsed.data;
		try {
			await (present === '1' ? tickAttendance : untickAttendance)(ctxOf(event), { ...ids, personId });
		} catch (e) {
			return forForm('tick', failFrom(e, parsed.values, event.locals.locale));
		}
		redirect(303, `${event.url.pathname}${q ? `?q=${encodeURIComponent(q)}` : ''}#p-${personId}`);
	},
	add: async (event) => {
		const ids = path(event);
		const parsed = await parseForm(event.request, addParticipantForm, event.locals.locale);
		if (!parsed.ok) return forForm('add', parsed.failure);
		let personId: string;
		try {
			({ personId } = await addParticipant(ctxOf(event), { ...ids, firstName: parsed.data.firstName }));
		} catch (e) {
			return forForm('add', failFrom(e, parsed.values, event.locals.locale));
		}
		redirect(303, `${event.url.pathname}?added=${personId}#p-${personId}`);
	},
	headcount: async (event) => {
		const ids = path(event);
		const parsed = await parseForm(event.request, headcountForm, event.locals.locale);
		if (!parsed.ok) return forForm('headcount', parsed.failure);
		try {
			await setHeadcount(ctxOf(event), { ...ids, anonymousCount: parsed.data.anonymousCount });
		} catch (e) {
			return forForm('headcount', failFrom(e, parsed.values, event.locals.locale));
		}
		redirect(303, `${event.url.pathname}?headcount=saved#headcount`);
	},
	close: async (event) => {
		const ids = path(event);
		try {
			await closeAttendance(ctxOf(event), ids);
		} catch (e) {
			return forForm('close', failFrom(e, {}, event.locals.locale));
		}
		redirect(303, `${event.url.pathname}?closed=1`);
	}
};
