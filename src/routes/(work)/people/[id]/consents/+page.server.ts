import type { Actions, PageServerLoad } from './$types';
import { listConsents, recordConsent, recordConsentInput, textIn } from '#lib/server/people/index.ts';
import { can } from '#lib/server/access/index.ts';
import { ctxOf, failFrom, forForm, guard, parseForm, pathId } from '#lib/server/web/index.ts';

export const load: PageServerLoad = (event) =>
	guard(event, async (ctx) => {
		const view = await listConsents(ctx, { personId: pathId(event) });
		const locale = event.locals.locale;
		return {
			person: view.person,
			canRecord: can(ctx.actor, 'people.consent.record', view.person),
			// Each text as the person hears it in this page's language (English when it has none).
			purposes: view.purposes.map((p) => ({
				id: p.id,
				code: p.code,
				asked: p.asked,
				basis: p.basis,
				state: p.state,
				version: p.version,
				newerText: p.newerText,
				stops: [...p.stops],
				heard: textIn(p.texts, locale),
				latest: p.latest && {
					given: p.latest.given,
					method: p.latest.method,
					version: p.latest.version,
					recordedAt: p.latest.recordedAt.toISOString(),
					recordedBy: p.latest.recordedBy,
					agreed: textIn(p.latest.texts ?? {}, locale)
				},
				history: p.history.map((h) => ({
					id: h.id,
					given: h.given,
					method: h.method,
					version: h.version,
					recordedAt: h.recordedAt.toISOString(),
					recordedBy: h.recordedBy
				}))
			})),
			withdrawn: event.url.searchParams.get('withdrawn')
		};
	});

export const actions: Actions = {
	record: async (event) => {
		const personId = pathId(event);
		const parsed = await parseForm(event.request, recordConsentInput.omit({ personId: true }), event.locals.locale);
		// Each purpose has its own form: a refusal shows under the one it came from.
		if (!parsed.ok) return forForm(parsed.failure.data.values.purposeId ?? 'record', parsed.failure);
		try {
			await recordConsent(ctxOf(event), { ...parsed.data, personId, given: true });
			return { recorded: parsed.data.purposeId };
		} catch (e) {
			return forForm(parsed.data.purposeId, failFrom(e, parsed.values, event.locals.locale));
		}
	}
};
