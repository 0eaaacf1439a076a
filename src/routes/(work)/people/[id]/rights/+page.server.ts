import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	archiveForm,
	archivePerson,
	consultationLog,
	erasePerson,
	eraseForm,
	refuseErasure,
	refuseInput,
	rightsOverview
} from '#lib/server/rights/index.ts';
import { ctxOf, failFrom, forForm, guard, parseForm, pathId } from '#lib/server/web/index.ts';
import { translate } from '#lib/server/web/index.ts';
import { fail } from '@sveltejs/kit';

const LOG_PAGE = 25;

export const load: PageServerLoad = async (event) => {
	pathId(event);
	return guard(event, async (ctx) => {
		const id = event.params.id!;
		const overview = await rightsOverview(ctx, { id });
		const log = await consultationLog(ctx, { id, limit: LOG_PAGE, cursor: event.url.searchParams.get('log') ?? undefined });
		return { ...overview, log: log.items, nextLog: log.nextCursor, done: event.url.searchParams.get('done') };
	});
};

export const actions: Actions = {
	erase: async (event) => {
		const id = pathId(event);
		const l = event.locals.locale;
		const parsed = await parseForm(event.request, eraseForm, l);
		if (!parsed.ok) return forForm('erase', parsed.failure);
		try {
			const ctx = ctxOf(event);
			const { person } = await rightsOverview(ctx, { id });
			// The typed first name is the confirmation: a slip of the finger cannot erase anyone.
			if (parsed.data.confirm.toLocaleLowerCase() !== person.firstName.trim().toLocaleLowerCase())
				return fail(400, {
					form: 'erase',
					values: { reason: parsed.data.reason, confirm: parsed.data.confirm },
					errors: { confirm: translate('rights_error_confirm', l) },
					message: translate('error_invalid', l)
				});
			await erasePerson(ctx, { id, reason: parsed.data.reason });
		} catch (e) {
			return forForm('erase', failFrom(e, parsed.values, l));
		}
		redirect(303, `/people/${id}/rights?done=erased`);
	},
	archive: async (event) => {
		const id = pathId(event);
		const parsed = await parseForm(event.request, archiveForm, event.locals.locale);
		if (!parsed.ok) return forForm('archive', parsed.failure);
		try {
			await archivePerson(ctxOf(event), { id, reason: parsed.data.reason });
		} catch (e) {
			return forForm('archive', failFrom(e, parsed.values, event.locals.locale));
		}
		redirect(303, `/people/${id}/rights?done=archived`);
	},
	refuse: async (event) => {
		const id = pathId(event);
		const parsed = await parseForm(event.request, refuseInput, event.locals.locale);
		if (!parsed.ok) return forForm('refuse', parsed.failure);
		try {
			await refuseErasure(ctxOf(event), parsed.data);
		} catch (e) {
			return forForm('refuse', failFrom(e, parsed.values, event.locals.locale));
		}
		redirect(303, `/people/${id}/rights?done=refused`);
	}
};
