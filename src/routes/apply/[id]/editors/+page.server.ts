import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { EDITOR_INVITE_DAYS, inviteEditor, inviteEditorForm, listEditors, removeEditor, removeEditorForm } from '#lib/server/funding/index.ts';
import { ctxOf, failFrom, forForm, guard, parseForm, pathId } from '#lib/server/web/index.ts';

// An application's co-editors: the owner invites by e-mail and removes (after a confirmation step that
// is its own page state, `?remove=<id>`, so it works without JavaScript); accepted editors see the list.

export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		const list = await listEditors(ctx, { applicationId: pathId(event) });
		const asked = event.url.searchParams.get('remove');
		const confirming = list.isOwner ? (list.editors.find((e) => e.id === asked) ?? null) : null;
		return {
			id: pathId(event),
			title: list.title,
			days: EDITOR_INVITE_DAYS,
			isOwner: list.isOwner,
			inviting: list.inviting,
			editors: list.editors.map((e) => ({ ...e, acceptedAt: e.acceptedAt?.toISOString() ?? null, expiresAt: e.expiresAt.toISOString() })),
			confirming: confirming ? { id: confirming.id, email: confirming.email } : null
		};
	});

export const actions: Actions = {
	invite: async (event) => {
		const applicationId = pathId(event);
		const locale = event.locals.locale;
		const parsed = await parseForm(event.request, inviteEditorForm, locale);
		if (!parsed.ok) return forForm('invite', parsed.failure);
		try {
			await inviteEditor(ctxOf(event), { applicationId, email: parsed.data.email });
		} catch (e) {
			return forForm('invite', failFrom(e, parsed.values, locale));
		}
		redirect(303, `/apply/${applicationId}/editors?invited=1`);
	},
	remove: async (event) => {
		const applicationId = pathId(event);
		const locale = event.locals.locale;
		const parsed = await parseForm(event.request, removeEditorForm, locale);
		if (!parsed.ok) return forForm('remove', parsed.failure);
		try {
			await removeEditor(ctxOf(event), { applicationId, editorId: parsed.data.editorId });
		} catch (e) {
			return forForm('remove', failFrom(e, {}, locale));
		}
		redirect(303, `/apply/${applicationId}/editors?removed=1`);
	}
};
