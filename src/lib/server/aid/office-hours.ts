import { and, asc, eq, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import {
	ForbiddenError,
	InvalidError,
	NotFoundError,
	PUBLIC,
	after,
	decodeCursor,
	defineVerb,
	pageFields,
	pageOf,
	type Ctx,
	type Page
} from '../core/index.ts';
import {
	can,
	grantedAreas,
	grantedOrganisations,
	grantsHolding,
	inScope,
	instanceWide,
	permission,
	scopeFilter,
	type ScopedPermission
} from '../access/index.ts';
import { peopleOrganisation } from '../people/index.ts';
import { areasArea } from '../areas/index.ts';
import { aidOfficeHour } from './schema.ts';
import { officeHourInput } from './office-hours-validation.ts';

// Office hours ("permanences") at a neighbourhood house: the schedule (managed by facilitators and
// coordinators) and its public face (no account needed, no personal data). The office-hour mode of
// the facilitator on duty (walk-ins, visits) is in office-visits.ts.

const MANAGE = 'aid.office_hours.manage' satisfies ScopedPermission;
// Whoever may say a need for someone at the desk may count their visit too.
export const DUTY = 'aid.need.write' satisfies ScopedPermission;

/** An unknown neighbourhood is a choice not offered (422), not a foreign-key failure later (500). */
export async function requireArea(ctx: Ctx, areaId: string) {
	const [area] = await ctx.db.select({ id: areasArea.id }).from(areasArea).where(eq(areasArea.id, areaId));
	if (!area) throw new InvalidError({ areaId: 'error_choice' });
}

/** The organisation the actor works for in an area: the one asked for, else the first grant covering it. */
export function actingOrganisation(ctx: Ctx, name: ScopedPermission, areaId: string, wanted?: string | null): string {
	if (wanted) {
		if (!can(ctx.actor, name, { organisationId: wanted, areaId })) throw new ForbiddenError(name);
		return wanted;
	}
	const grant = grantsHolding(ctx.actor, name).find((g) => g.role === 'admin' || g.areaId === null || g.areaId === areaId);
	if (!grant) throw new ForbiddenError(name);
	return grant.organisationId;
}

const columns = {
	id: aidOfficeHour.id,
	organisationId: aidOfficeHour.organisationId,
	organisationName: peopleOrganisation.name,
	areaId: aidOfficeHour.areaId,
	areaName: areasArea.name,
	city: areasArea.city,
	areaCode: areasArea.code,
	place: aidOfficeHour.place,
	day: aidOfficeHour.day,
	start: aidOfficeHour.start,
	end: aidOfficeHour.end,
	public: aidOfficeHour.public
};

const hoursWith = (ctx: Ctx, where: SQL | undefined) =>
	ctx.db
		.select(columns)
		.from(aidOfficeHour)
		.innerJoin(areasArea, eq(areasArea.id, aidOfficeHour.areaId))
		.innerJoin(peopleOrganisation, eq(peopleOrganisation.id, aidOfficeHour.organisationId))
		.where(where);

export type OfficeHour = Awaited<ReturnType<typeof hoursWith>>[number];

// The schedule's order (neighbourhood, weekday, start), and its cursor: the same key.
const ORDER = [areasArea.name, aidOfficeHour.day, aidOfficeHour.start, aidOfficeHour.id];
const KEY = ['string', 'number', 'number', 'string'] as Array<'string' | 'number'>;
const keyOf = (h: OfficeHour) => [h.areaName, h.day, h.start, h.id];

/** One page of the office hours in a scope, in the schedule's order. */
async function hoursPage(ctx: Ctx, scope: SQL | undefined, page: { limit: number; cursor?: string }): Promise<Page<OfficeHour>> {
	const from = page.cursor ? after(ORDER, decodeCursor(page.cursor, KEY), 'asc') : undefined;
	const rows = await hoursWith(ctx, and(scope, from))
		.orderBy(...ORDER.map((c) => asc(c)))
		.limit(page.limit + 1);
	return pageOf(rows, page.limit, keyOf);
}

/** One office hour with its names, when it lies in the actor's scope for `name` (else the 404 of an unknown one). */
export async function scopedHour(ctx: Ctx, name: ScopedPermission, id: string): Promise<OfficeHour> {
	const [row] = await hoursWith(ctx, eq(aidOfficeHour.id, id));
	return inScope(ctx.actor, name, row);
}

const idInput = z.object({ id: z.uuid('error_not_found') });
const listInput = z.object(pageFields).prefault({});

/** Where the actor may hold office hours: organisations and areas (for the form's choices). */
export const officeHourChoices = defineVerb({
	name: 'aid.office_hour.choices',
	summary: 'Where the actor may hold office hours: organisations and neighbourhoods',
	permission: permission(MANAGE),
	input: z.object({}).default({}),
	writes: false,
	// The choices are the actor's own grants: nothing outside them is offered.
	access: (ctx) => ({ organisationIds: grantedOrganisations(ctx.actor, MANAGE), areaIds: grantedAreas(ctx.actor, MANAGE) }),
	run: async (ctx, _input, mine) => {
		const [organisations, areas] = await Promise.all([
			ctx.db.select({ id: peopleOrganisation.id, name: peopleOrganisation.name }).from(peopleOrganisation).orderBy(asc(peopleOrganisation.name)),
			ctx.db
				.select({ id: areasArea.id, name: areasArea.name, city: areasArea.city })
				.from(areasArea)
				.orderBy(asc(areasArea.city), asc(areasArea.name))
		]);
		return {
			organisations: mine.organisationIds ? organisations.filter((o) => mine.organisationIds!.includes(o.id)) : organisations,
			areas: mine.areaIds ? areas.filter((a) => mine.areaIds!.includes(a.id)) : areas
		};
	}
});

export const createOfficeHour = defineVerb({
	name: 'aid.office_hour.create',
	summary: 'Add a weekly office hour to the schedule',
	permission: permission(MANAGE),
	input: officeHourInput,
	writes: true,
	access: async (ctx, input) => {
		await requireArea(ctx, input.areaId);
		return { organisationId: actingOrganisation(ctx, MANAGE, input.areaId, input.organisationId) };
	},
	run: async (ctx, input, { organisationId }) => {
		const [row] = await ctx.db
			.insert(aidOfficeHour)
			.values({ organisationId, areaId: input.areaId, place: input.place, day: input.day, start: input.start, end: input.end, public: input.public })
			.returning();
		return row!;
	},
	audit: (input, row) => ({ action: 'create', entity: 'aid_office_hour', entityId: row.id, details: { day: input.day, public: input.public } })
});

/** The schedule as those who manage it see it: in their organisations and areas, public or not. */
export const listOfficeHours = defineVerb({
	name: 'aid.office_hour.list',
	summary: 'The office-hour schedule in the actor’s organisations and areas, public or not, by neighbourhood, weekday and start',
	permission: permission(MANAGE),
	input: listInput,
	writes: false,
	access: (ctx) => ({ scope: scopeFilter(ctx.actor, MANAGE, { organisation: aidOfficeHour.organisationId, area: aidOfficeHour.areaId }) }),
	run: (ctx, page, { scope }) => hoursPage(ctx, scope, page)
});

export const getOfficeHour = defineVerb({
	name: 'aid.office_hour.get',
	summary: 'One office hour of the schedule (another organisation’s or neighbourhood’s is a 404)',
	permission: permission(MANAGE),
	input: idInput,
	writes: false,
	access: (ctx, { id }) => scopedHour(ctx, MANAGE, id),
	run: async (_ctx, _input, hour) => hour
});

/** Removes an office hour from the schedule; the visits it counted stay (without it). */
export const deleteOfficeHour = defineVerb({
	name: 'aid.office_hour.delete',
	summary: 'Remove an office hour from the schedule; the visits it counted stay',
	permission: permission(MANAGE),
	input: idInput,
	writes: true,
	access: async (ctx, { id }) => {
		const [row] = await ctx.db
			.select({
				id: aidOfficeHour.id,
				organisationId: aidOfficeHour.organisationId,
				areaId: aidOfficeHour.areaId,
				day: aidOfficeHour.day,
				place: aidOfficeHour.place
			})
			.from(aidOfficeHour)
			.where(eq(aidOfficeHour.id, id))
			.for('update');
		return inScope(ctx.actor, MANAGE, row);
	},
	run: async (ctx, { id }) => {
		await ctx.db.delete(aidOfficeHour).where(eq(aidOfficeHour.id, id));
		return { id };
	},
	audit: (_input, { id }, hour) => ({
		action: 'delete',
		entity: 'aid_office_hour',
		entityId: id,
		details: { areaId: hour.areaId, day: hour.day, place: hour.place }
	})
});

/** The office hours a facilitator on duty may work at (for the office-hour mode's choice). */
export const officeHoursOnDuty = defineVerb({
	name: 'aid.office_hour.on_duty',
	summary: 'The office hours the actor may work at as the facilitator on duty',
	permission: permission(DUTY),
	input: listInput,
	writes: false,
	access: (ctx) => ({ scope: scopeFilter(ctx.actor, DUTY, { organisation: aidOfficeHour.organisationId, area: aidOfficeHour.areaId }) }),
	run: (ctx, page, { scope }) => hoursPage(ctx, scope, page)
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A neighbourhood found by its code, or by its id (lists that know only the id link that way). */
export async function publicArea(ctx: Ctx, ref: string) {
	const [area] = await ctx.db
		.select({ id: areasArea.id, name: areasArea.name, city: areasArea.city, code: areasArea.code, source: areasArea.source })
		.from(areasArea)
		.where(UUID.test(ref) ? or(eq(areasArea.code, ref), eq(areasArea.id, ref)) : eq(areasArea.code, ref))
		.limit(1);
	if (!area) throw new NotFoundError();
	return area;
}

/** A neighbourhood's code or id as a path gives it: a long one is cut, never refused (it is then simply unknown). */
export const areaRef = z.string().transform((code) => code.slice(0, 100));

const PUBLIC_ORDER = [aidOfficeHour.day, aidOfficeHour.start, aidOfficeHour.id];
const PUBLIC_KEY = ['number', 'number', 'string'] as Array<'string' | 'number'>;

/**
 * A neighbourhood's public page: the area and its public office hours, by weekday and start. No
 * account needed, no personal data. Found by its code or its id (the page then sends the visitor on
 * to the address with the code).
 */
export const publicOfficeHours = defineVerb({
	name: 'aid.office_hour.public_list',
	summary: 'A neighbourhood’s public office hours, as its public page shows them. No token needed',
	permission: PUBLIC,
	input: z.object({ code: areaRef, ...pageFields }),
	writes: false,
	access: instanceWide,
	run: async (ctx, { code, limit, cursor }) => {
		const area = await publicArea(ctx, code);
		const from = cursor ? after(PUBLIC_ORDER, decodeCursor(cursor, PUBLIC_KEY), 'asc') : undefined;
		const rows = await ctx.db
			.select({
				id: aidOfficeHour.id,
				place: aidOfficeHour.place,
				day: aidOfficeHour.day,
				start: aidOfficeHour.start,
				end: aidOfficeHour.end,
				updatedAt: aidOfficeHour.updatedAt,
				createdAt: aidOfficeHour.createdAt
			})
			.from(aidOfficeHour)
			.where(and(eq(aidOfficeHour.areaId, area.id), eq(aidOfficeHour.public, true), from))
			.orderBy(...PUBLIC_ORDER.map((c) => asc(c)))
			.limit(limit + 1);
		const page = pageOf(rows, limit, (h) => [h.day, h.start, h.id]);
		return { area, hours: page.items, nextCursor: page.nextCursor };
	}
});
