import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import type { z } from 'zod';
import { can } from '#lib/server/access/index.ts';
import { MAX_LIMIT, UnauthenticatedError } from '#lib/server/core/index.ts';
import {
	joinChoices,
	joinInput,
	joinNeighbourhood,
	completeLink,
	feedbackInput,
	giveFeedback,
	linkIdInput,
	ownLinks,
	ownNeedsAndOffers
} from '#lib/server/aid/index.ts';
import { ctxOf } from '#lib/server/web/index.ts';
import { failFrom, forForm, parseForm } from '#lib/server/web/index.ts';
import { guard } from '#lib/server/web/index.ts';

// "My help": a resident's or volunteer's own needs, offers and links. A proposed link is answered on
// its own question page (/help/links/[id]); here one says it took place and gives feedback. An
// account without any role (signed up alone) chooses its neighbourhood here; staff without a
// resident role are told how residents join instead of getting an error.
export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		if (!ctx.actor.userId) throw new UnauthenticatedError();
		if (!can(ctx.actor, 'aid.own.read')) {
			const canJoin = ctx.actor.grants.length === 0 && !!ctx.actor.personId;
			return {
				member: false as const,
				canJoin,
				choices: canJoin ? await joinChoices(ctx) : [],
				needs: [],
				offers: [],
				links: [],
				saved: null,
				joined: false
			};
		}
		const [{ needs, offers }, links] = await Promise.all([ownNeedsAndOffers(ctx), ownLinks(ctx, { limit: MAX_LIMIT }).then((p) => p.items)]);
		// After "Ask for help" / "Offer help": what was just saved is the newest of its kind.
		const kind = event.url.searchParams.get('saved');
		const saved = kind === 'need' ? (needs[0] ?? null) : kind === 'offer' ? (offers[0] ?? null) : null;
		return {
			member: true as const,
			canJoin: false,
			choices: [],
			needs,
			offers,
			links,
			saved: saved && (kind === 'need' || kind === 'offer') ? { kind, id: saved.id, title: saved.title, status: saved.status } : null,
			joined: event.url.searchParams.get('joined') === '1'
		};
	});

async function act<S extends z.ZodType>(event: Parameters<Actions[string]>[0], form: string, schema: S, verb: (d: z.infer<S>) => Promise<unknown>) {
	const parsed = await parseForm(event.request, schema, event.locals.locale);
	if (!parsed.ok) return forForm(form, parsed.failure);
	try {
		await verb(parsed.data);
		return { done: form };
	} catch (e) {
		return forForm(form, failFrom(e, parsed.values, event.locals.locale));
	}
}

export const actions: Actions = {
	join: async (event) => {
		const result = await act(event, 'join', joinInput, (d) => joinNeighbourhood(ctxOf(event), d));
		// The new role is read with the next request: show the page as a member at once.
		if ('done' in result) redirect(303, '/help?joined=1');
		return result;
	},
	tookPlace: (event) => act(event, 'tookPlace', linkIdInput, (d) => completeLink(ctxOf(event), d)),
	feedback: (event) => act(event, 'feedback', feedbackInput, (d) => giveFeedback(ctxOf(event), d))
};
