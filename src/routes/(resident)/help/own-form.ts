import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Ctx } from '#lib/server/core/context.ts';
import { requirePermission } from '#lib/server/access/index.ts';
import { fromForm } from '#lib/server/aid/index.ts';
import { listAreas } from '#lib/server/areas/index.ts';
import { ctxOf } from '#lib/server/web/ctx.ts';
import { failFrom, formValues } from '#lib/server/web/forms.ts';
import { guard } from '#lib/server/web/guard.ts';
import { translate } from '#lib/server/web/translate.ts';

// Shared by "I need help" and "I can help": the areas a resident may choose (those of their own
// grants; all when a grant covers the whole organisation) and the save with field errors.

export async function ownAidChoices(event: RequestEvent) {
	return guard(event, async (ctx) => {
		requirePermission(ctx.actor, 'aid.own.write');
		const grants = ctx.actor.grants.filter((g) => g.role === 'resident' || g.role === 'volunteer');
		const all = await listAreas(ctx);
		const wide = grants.some((g) => g.areaId === null);
		const areas = (wide ? all : all.filter((a) => grants.some((g) => g.areaId === a.id))).map((a) => ({ id: a.id, name: a.name }));
		return { areas, areaId: grants.find((g) => g.areaId)?.areaId ?? areas[0]?.id ?? null, languages: ctx.actor.locale ? [ctx.actor.locale] : [] };
	});
}

export async function saveOwn<S extends z.ZodType>(event: RequestEvent, schema: S, verb: (ctx: Ctx, input: z.infer<S>) => Promise<unknown>) {
	const locale = event.locals.locale;
	if (!event.locals.actor.personId) error(401, translate('error_unauthenticated', locale));
	let values: Record<string, string | string[]>;
	try {
		values = formValues(await event.request.formData());
	} catch {
		return { failure: fail(400, { values: {}, errors: {}, message: translate('error_bad_request', locale) }) };
	}
	const parsed = schema.safeParse(fromForm(values, event.locals.actor.personId));
	const echo = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v.slice(0, 2000)]));
	if (!parsed.success) {
		const errors: Record<string, string> = {};
		for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '_')] ??= translate(issue.message, locale);
		return { failure: fail(400, { values: echo, errors, message: translate('error_invalid', locale) }) };
	}
	try {
		await verb(ctxOf(event), parsed.data);
		return { saved: true as const };
	} catch (e) {
		return { failure: failFrom(e, values, locale) };
	}
}
