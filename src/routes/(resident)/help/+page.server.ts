import type { Actions, PageServerLoad } from './$types';
import type { z } from 'zod';
import { can } from '#lib/server/access/index.ts';
import { UnauthenticatedError } from '#lib/server/core/errors.ts';
import {
	completeLink,
	feedbackInput,
	giveFeedback,
	linkIdInput,
	ownLinks,
	ownNeedsAndOffers,
	respondInput,
	respondToLink
} from '#lib/server/aid/index.ts';
import { ctxOf } from '#lib/server/web/ctx.ts';
import { failFrom, forForm, parseForm } from '#lib/server/web/forms.ts';
import { guard } from '#lib/server/web/guard.ts';

// "My help": a resident's or volunteer's own needs, offers and links. Someone signed in without the
// resident or volunteer role is told how to join instead of getting an error.
export const load: PageServerLoad = async (event) =>
	guard(event, async (ctx) => {
		if (!ctx.actor.userId) throw new UnauthenticatedError();
		if (!can(ctx.actor, 'aid.own.read')) return { member: false as const, needs: [], offers: [], links: [] };
		const [{ needs, offers }, links] = await Promise.all([ownNeedsAndOffers(ctx), ownLinks(ctx)]);
		return { member: true as const, needs, offers, links };
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
	respond: (event) => act(event, 'respond', respondInput.omit({ side: true }), (d) => respondToLink(ctxOf(event), d)),
	tookPlace: (event) => act(event, 'tookPlace', linkIdInput, (d) => completeLink(ctxOf(event), d)),
	feedback: (event) => act(event, 'feedback', feedbackInput, (d) => giveFeedback(ctxOf(event), d))
};
