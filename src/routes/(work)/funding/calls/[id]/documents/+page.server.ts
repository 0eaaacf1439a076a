import type { Actions, PageServerLoad } from './$types';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { ForbiddenError } from '#lib/server/core/index.ts';
import { getCall, removeCallDocument, uploadCallDocument } from '#lib/server/funding/index.ts';
import { ctxOf, failFrom, guard, pathId, translate } from '#lib/server/web/index.ts';

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const call = await getCall(ctx, { id: pathId(event) });
		if (!call.manageable) throw new ForbiddenError('funding.programme.manage');
		return { call };
	});

const docId = z.object({ doc: z.uuid() });

export const actions: Actions = {
	upload: async (event) => {
		const callId = pathId(event);
		const locale = event.locals.locale;
		let file: FormDataEntryValue | null;
		try {
			file = (await event.request.formData()).get('file');
		} catch {
			// Over the server's body limit: refused before it is read, with the same words as the verb's.
			return fail(413, { values: {}, errors: { file: translate('fund_call_error_file_size', locale) }, message: translate('error_invalid', locale) });
		}
		const content = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
		const name = file instanceof File ? file.name : '';
		try {
			await uploadCallDocument(ctxOf(event), { callId, name: name || 'document', content });
		} catch (e) {
			return failFrom(e, {}, locale);
		}
		redirect(303, `/funding/calls/${callId}/documents?saved=1`);
	},
	remove: async (event) => {
		const callId = pathId(event);
		const parsed = docId.safeParse(Object.fromEntries(await event.request.formData()));
		if (!parsed.success) return fail(400, { values: {}, errors: {}, message: translate('error_bad_request', event.locals.locale) });
		try {
			await removeCallDocument(ctxOf(event), { callId, id: parsed.data.doc });
		} catch (e) {
			return failFrom(e, {}, event.locals.locale);
		}
		redirect(303, `/funding/calls/${callId}/documents?removed=1`);
	}
};
