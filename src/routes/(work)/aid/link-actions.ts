import type { RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { completeLink, endLink, endLinkInput, linkIdInput, nudgeLink, respondInput, respondToLink } from '#lib/server/aid/index.ts';
import { ctxOf } from '#lib/server/web/index.ts';
import { failFrom, forForm, parseForm } from '#lib/server/web/index.ts';

// The link actions staff have on every page that lists links (a need's page, the links page).

/** Parses one form, runs one verb, and says which form succeeded or failed (with what the verb answered, when the page shows it). */
export async function act<S extends z.ZodType, R, X extends object = object>(
	event: RequestEvent,
	form: string,
	schema: S,
	verb: (d: z.infer<S>) => Promise<R>,
	reply: (result: R) => X = () => ({}) as X
) {
	const parsed = await parseForm(event.request, schema, event.locals.locale);
	if (!parsed.ok) return forForm(form, parsed.failure);
	try {
		return { done: form, ...reply(await verb(parsed.data)) };
	} catch (e) {
		return forForm(form, failFrom(e, parsed.values, event.locals.locale));
	}
}

export const linkActions = {
	respond: (event: RequestEvent) => act(event, 'respond', respondInput, (d) => respondToLink(ctxOf(event), d)),
	tookPlace: (event: RequestEvent) => act(event, 'tookPlace', linkIdInput, (d) => completeLink(ctxOf(event), d)),
	end: (event: RequestEvent) => act(event, 'end', endLinkInput, (d) => endLink(ctxOf(event), d)),
	// The page says who got a reminder mail and who has to be called or visited, with how (see NudgeNotice).
	nudge: (event: RequestEvent) =>
		act(
			event,
			'nudge',
			linkIdInput,
			(d) => nudgeLink(ctxOf(event), { ...d, withContact: true }),
			(n) => ({ nudged: n.sides })
		)
};
