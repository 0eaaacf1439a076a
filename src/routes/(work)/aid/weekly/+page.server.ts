import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { z } from 'zod';
import { sendProposals, weeklyProposalFor } from '#lib/server/aid/index.ts';
import { AppError } from '#lib/server/core/index.ts';
import { ctxOf } from '#lib/server/web/index.ts';
import { formValues } from '#lib/server/web/index.ts';
import { guard } from '#lib/server/web/index.ts';
import { translate } from '#lib/server/web/index.ts';
import { staffAreas } from '../areas.ts';

// No neighbourhood in the address (or an empty one, from the chooser's form): the page asks which.
const areaQuery = z.object({
	areaId: z
		.uuid()
		.optional()
		.or(z.literal('').transform(() => undefined))
});
// need id:offer id, each a well-formed uuid (a looser pattern let "----…" through to PostgreSQL: a 500).
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const pair = z.string().regex(new RegExp(`^${UUID}:${UUID}$`));

// The weekly proposal: the best set of pairings for a neighbourhood's open needs, for review. Only
// the pairs left ticked are sent as proposals. A facilitator with one neighbourhood gets it without
// asking; with several (or none chosen yet), the page asks which.
export const load: PageServerLoad = async (event) => {
	const q = areaQuery.safeParse(Object.fromEntries(event.url.searchParams));
	if (!q.success) error(400, translate('error_bad_request', event.locals.locale));
	return guard(event, async (ctx) => {
		const areas = await staffAreas(ctx);
		const areaId = q.data.areaId ?? (areas.length === 1 ? areas[0]!.id : null);
		return { areas, areaId, proposal: await weeklyProposalFor(ctx, { areaId }) };
	});
};

export const actions: Actions = {
	send: async (event) => {
		const locale = event.locals.locale;
		let values: Record<string, string | string[]>;
		try {
			values = formValues(await event.request.formData());
		} catch {
			return fail(400, { message: translate('error_bad_request', locale) });
		}
		const raw = values.pair === undefined ? [] : Array.isArray(values.pair) ? values.pair : [values.pair];
		const pairs = raw.filter((p) => pair.safeParse(p).success).slice(0, 2000);
		if (!pairs.length || pairs.length !== raw.length) return fail(400, { message: translate('aid_weekly_none', locale) });
		const ctx = ctxOf(event);
		try {
			const { sent, failed } = await sendProposals(ctx, {
				pairs: pairs.map((p) => {
					const [needId, offerId] = p.split(':') as [string, string];
					return { needId, offerId };
				})
			});
			return { sent, failed: failed.map((key) => translate(key, locale)) };
		} catch (e) {
			if (e instanceof AppError) return fail(e.status, { message: translate(e.key, locale) });
			throw e;
		}
	}
};
