import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import {
	boardChoices,
	boardSwitchInput,
	createOfficeHour,
	deleteOfficeHour,
	getOfficeHour,
	listOfficeHours,
	officeHourChoices,
	officeHourIdInput,
	officeHourInput,
	setAidBoard
} from '#lib/server/aid/index.ts';
import { holds } from '#lib/server/access/index.ts';
import { MAX_LIMIT } from '#lib/server/core/index.ts';
import { ctxOf, failFrom, forForm, guard, parseForm, translate } from '#lib/server/web/index.ts';

// The office-hour schedule. Deleting asks first: ?delete=<id> shows the confirmation, which posts.
export const load: PageServerLoad = async (event) => {
	const del = event.url.searchParams.get('delete');
	const confirm = del === null ? null : z.uuid().safeParse(del);
	if (confirm && !confirm.success) error(400, translate('error_bad_request', event.locals.locale));
	return guard(event, async (ctx) => {
		const [hours, choices, toDelete, boards] = await Promise.all([
			// The page shows the first page of the schedule, as long as a page may be.
			listOfficeHours(ctx, { limit: MAX_LIMIT }),
			officeHourChoices(ctx),
			confirm ? getOfficeHour(ctx, { id: confirm.data! }) : null,
			holds(ctx.actor, 'aid.board.manage') ? boardChoices(ctx) : []
		]);
		return { hours: hours.items, choices, toDelete, boards, deleted: event.url.searchParams.has('deleted') };
	});
};

export const actions: Actions = {
	create: async (event) => {
		const parsed = await parseForm(event.request, officeHourInput, event.locals.locale);
		if (!parsed.ok) return forForm('create', parsed.failure);
		try {
			await createOfficeHour(ctxOf(event), parsed.data);
			return { created: true };
		} catch (e) {
			return forForm('create', failFrom(e, parsed.values, event.locals.locale));
		}
	},
	delete: async (event) => {
		const parsed = await parseForm(event.request, officeHourIdInput, event.locals.locale);
		if (!parsed.ok) return forForm('delete', parsed.failure);
		try {
			await deleteOfficeHour(ctxOf(event), parsed.data);
		} catch (e) {
			return forForm('delete', failFrom(e, parsed.values, event.locals.locale));
		}
		redirect(303, '/aid/office-hours?deleted=1');
	},
	// The neighbourhood's public, anonymous needs board: on or off.
	board: async (event) => {
		const parsed = await parseForm(event.request, boardSwitchInput, event.locals.locale);
		if (!parsed.ok) return forForm('board', parsed.failure);
		try {
			const area = await setAidBoard(ctxOf(event), parsed.data);
			return { boardSwitched: { name: area.name, on: area.aidBoard } };
		} catch (e) {
			return forForm('board', failFrom(e, parsed.values, event.locals.locale));
		}
	}
};
