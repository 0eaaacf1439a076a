import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { createToken, createTokenInput, listSessions, listTokens, revokeSession, revokeToken } from '#lib/server/auth/index.ts';
import { ctxOf } from '#lib/server/web/ctx.ts';
import { failFrom, parseForm } from '#lib/server/web/forms.ts';
import { z } from 'zod';

// Token ids are UUIDs; session ids are better-auth's opaque [A-Za-z0-9_-] strings. Anything else is
// refused here rather than reaching the database.
const tokenIdInput = z.object({ id: z.uuid('error_bad_request') });
const sessionIdInput = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'error_bad_request') });

export const load: PageServerLoad = async (event) => {
	if (!event.locals.actor.userId) redirect(303, '/sign-in');
	const ctx = ctxOf(event);
	const [sessions, tokens] = await Promise.all([listSessions(ctx), listTokens(ctx)]);
	return {
		sessions: sessions.map((s) => ({ ...s, current: s.id === event.locals.sessionId })),
		tokens,
		roles: event.locals.actor.grants.map((g) => g.role)
	};
};

export const actions: Actions = {
	createToken: async (event) => {
		const parsed = await parseForm(event.request, createTokenInput, event.locals.locale, ['scopes']);
		if (!parsed.ok) return parsed.failure;
		try {
			const created = await createToken(ctxOf(event), parsed.data);
			return { created: { name: created.name, token: created.token } };
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
	},
	revokeToken: async (event) => {
		const parsed = await parseForm(event.request, tokenIdInput, event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		try {
			await revokeToken(ctxOf(event), parsed.data.id);
			return { revoked: true };
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
	},
	revokeSession: async (event) => {
		const parsed = await parseForm(event.request, sessionIdInput, event.locals.locale);
		if (!parsed.ok) return parsed.failure;
		try {
			await revokeSession(ctxOf(event), parsed.data.id);
		} catch (e) {
			return failFrom(e, parsed.values, event.locals.locale);
		}
		if (parsed.data.id === event.locals.sessionId) redirect(303, '/sign-in');
		return { revoked: true };
	}
};
