import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	changePasswordInput,
	createToken,
	createTokenInput,
	listSessions,
	listTokens,
	recordPasswordChange,
	revokeSession,
	revokeToken,
	usesApi
} from '#lib/server/auth/index.ts';
import { callAuth } from '#lib/server/web/index.ts';
import { translate } from '#lib/server/web/index.ts';
import { ctxOf } from '#lib/server/web/index.ts';
import { failForm, failFrom, forForm, parseForm } from '#lib/server/web/index.ts';
import { z } from 'zod';
import { askErasure, ownErasureRequest } from '#lib/server/rights/index.ts';

// Token ids are UUIDs; session ids are better-auth's opaque [A-Za-z0-9_-] strings. Anything else is
// refused here rather than reaching the database.
const tokenIdInput = z.object({ id: z.uuid('error_bad_request') });
const sessionIdInput = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'error_bad_request') });

export const load: PageServerLoad = async (event) => {
	if (!event.locals.actor.userId) redirect(303, '/sign-in');
	const ctx = ctxOf(event);
	const [sessions, tokens] = await Promise.all([listSessions(ctx), listTokens(ctx)]);
	// Tokens are offered to the roles that work over the API; anyone who still has a live one (made
	// before, or with `npm run token`) keeps seeing it, so it can be revoked.
	const api = usesApi(event.locals.actor);
	const liveTokens = tokens.filter((t) => !t.revokedAt && (!t.expiresAt || t.expiresAt > new Date()));
	return {
		// This very request uses the current session, whatever better-auth last wrote down for it.
		sessions: sessions.map((s) => (s.id === event.locals.sessionId ? { ...s, current: true, lastUsedDaysAgo: 0 } : { ...s, current: false })),
		tokens: api ? tokens : liveTokens,
		canMakeTokens: api,
		secondFactor: event.locals.actor.secondFactor === true,
		roles: event.locals.actor.grants.map((g) => g.role),
		// The account's own person: their rights (export, erasure request) are theirs whatever their roles.
		erasure: event.locals.actor.personId ? { request: await ownErasureRequest(ctx) } : null
	};
};

export const actions: Actions = {
	askErasure: async (event) => {
		if (!event.locals.actor.userId) redirect(303, '/sign-in');
		try {
			await askErasure(ctxOf(event));
		} catch (e) {
			return forForm('erasure', failFrom(e, {}, event.locals.locale));
		}
		return { erasureAsked: true };
	},
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
	},
	changePassword: async (event) => {
		const l = event.locals.locale;
		if (!event.locals.actor.userId) redirect(303, '/sign-in');
		const parsed = await parseForm(event.request, changePasswordInput, l);
		if (!parsed.ok) return forForm('password', parsed.failure);
		// better-auth checks the current password, hashes the new one and signs out the other devices.
		const { status } = await callAuth(event, '/change-password', { ...parsed.data, revokeOtherSessions: true });
		if (status === 429) return forForm('password', failForm(429, {}, translate('auth_rate_limited', l)));
		if (status !== 200) {
			return fail(400, {
				form: 'password',
				values: {},
				errors: { currentPassword: translate('account_password_wrong', l) },
				message: translate('error_invalid', l)
			});
		}
		await recordPasswordChange(ctxOf(event));
		return { passwordChanged: true };
	}
};
