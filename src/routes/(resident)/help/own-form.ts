import { error, fail, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Ctx } from '#lib/server/core/index.ts';
import { can, requirePermission } from '#lib/server/access/index.ts';
import { MAP_CONTROLS, fromForm, mapIntent, pointFromClick, pointInArea } from '#lib/server/aid/index.ts';
import { areaBoundary, listAreas, mappedAreas } from '#lib/server/areas/index.ts';
import { ctxOf, failFrom, type FormState, formValues, guard, translate } from '#lib/server/web/index.ts';

// Shared by "I need help" and "I can help": the areas a resident may choose (those of their own
// grants; all when a grant covers the whole organisation) and the save with field errors.
// The optional point is picked on a map without JavaScript: clicking the map (or "remove the point")
// posts the whole form, which comes back as typed with the point in hidden fields; only the save
// button saves.

export async function ownAidChoices(event: RequestEvent) {
	return guard(event, async (ctx) => {
		requirePermission(ctx.actor, 'aid.own.write');
		const grants = ctx.actor.grants.filter((g) => g.role === 'resident' || g.role === 'volunteer');
		const all = await listAreas(ctx);
		const wide = grants.some((g) => g.areaId === null);
		const mine = wide ? all : all.filter((a) => grants.some((g) => g.areaId === a.id));
		const maps = await mappedAreas(ctx, { ids: mine.map((a) => a.id) });
		const areas = mine.map((a) => ({ id: a.id, name: a.name, code: a.code, map: maps.has(a.id), source: maps.get(a.id)?.source ?? null }));
		return { areas, areaId: grants.find((g) => g.areaId)?.areaId ?? areas[0]?.id ?? null, languages: ctx.actor.locale ? [ctx.actor.locale] : [] };
	});
}

/** What the form re-renders with after a map click or "remove the point": `pointStep` says which, for the status line. */
export type PointReply = FormState & { pointStep: 'set' | 'cleared' | 'area' };
export type OwnResult = { saved: true } | { reply: ActionFailure<FormState> | PointReply };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

export async function saveOwn<S extends z.ZodType>(
	event: RequestEvent,
	schema: S,
	verb: (ctx: Ctx, input: z.infer<S>) => Promise<unknown>
): Promise<OwnResult> {
	const locale = event.locals.locale;
	if (!event.locals.actor.personId) error(401, translate('error_unauthenticated', locale));
	// Refused before the body is read, as the page itself is: the verbs let staff write for someone they
	// register, and here that someone would be the staff member themselves.
	if (!can(event.locals.actor, 'aid.own.write')) error(403, translate('error_forbidden', locale));
	let values: Record<string, string | string[]>;
	try {
		values = formValues(await event.request.formData());
	} catch {
		return { reply: fail(400, { values: {}, errors: {}, message: translate('error_bad_request', locale) }) };
	}
	const echo: Record<string, string> = Object.fromEntries(
		Object.entries(values)
			.filter(([k]) => !MAP_CONTROLS.includes(k))
			.map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v.slice(0, 2000)])
	);
	const refuse = (status: number, errors: Record<string, string>) =>
		({ reply: fail(status, { values: echo, errors, message: translate('error_invalid', locale) }) }) as const;

	const intent = mapIntent(values);
	if (intent !== 'save') {
		return { reply: await pointStep(ctxOf(event), intent, values, echo, locale) };
	}

	const parsed = schema.safeParse(fromForm(values, event.locals.actor.personId));
	if (!parsed.success) {
		const errors: Record<string, string> = {};
		for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '_')] ??= translate(issue.message, locale);
		return refuse(400, errors);
	}
	// A point kept from another neighbourhood's map (the area was changed afterwards) is refused, not stored.
	const point = (parsed.data as { point?: { lat: number; lon: number } | null }).point;
	if (point && !pointInArea(point, (await areaBoundary(ctxOf(event), { id: one(values.areaId) }))?.boundary ?? null)) {
		return refuse(400, { point: translate('map_error_outside', locale) });
	}
	try {
		await verb(ctxOf(event), parsed.data);
		return { saved: true as const };
	} catch (e) {
		return { reply: failFrom(e, values, locale) };
	}
}

async function pointStep(
	ctx: Ctx,
	intent: 'clear' | 'click',
	values: Record<string, string | string[]>,
	echo: Record<string, string>,
	locale: string
): Promise<ActionFailure<FormState> | PointReply> {
	const rest = { ...echo };
	if (intent === 'clear') {
		delete rest.lat;
		delete rest.lon;
		return { values: rest, errors: {}, pointStep: 'cleared' };
	}
	const areaId = one(values.areaId);
	// Without JavaScript the map on the page is the one of the area chosen when the page was drawn:
	// after another area is chosen, a click on it would land in the wrong place.
	if (one(values.mapArea) !== areaId) return { values: rest, errors: {}, pointStep: 'area' };
	const area = await areaBoundary(ctx, { id: areaId });
	if (!area)
		return fail(400, { values: rest, errors: { point: translate('map_error_no_map', locale) }, message: translate('error_invalid', locale) });
	const click = pointFromClick(values, area.boundary);
	if ('error' in click)
		return fail(400, { values: rest, errors: { point: translate(click.error, locale) }, message: translate('error_invalid', locale) });
	return { values: { ...rest, lat: String(click.point.lat), lon: String(click.point.lon) }, errors: {}, pointStep: 'set' };
}
