import { and, asc, count, eq, gte, lt, or } from 'drizzle-orm';
import type { z } from 'zod';
import { audit, type Ctx, ForbiddenError, inTransaction, InvalidError, NotFoundError, parseInput } from '../core/index.ts';
import { can, type PermissionName, requirePermission, type ScopedPermission } from '../access/index.ts';
import { registerPerson } from '../people/index.ts';
import { peopleOrganisation, peoplePerson } from '../people/index.ts';
import { areasArea } from '../areas/index.ts';
import { aidOfficeHour, aidVisit } from './schema.ts';
import { grantedAreas, grantedOrganisations, grantsHolding, scopeFilter } from '../access/index.ts';
import { createNeed } from './needs.ts';
import { countVisitInput, officeHourInput, walkInInput, walkInParts } from './office-hours-validation.ts';
import { DuplicatePersonError, samePeople } from './office-hours-duplicates.ts';
import { endOfBelgianDay, startOfBelgianDay, todayInBelgium } from '../core/index.ts';

// Office hours ("permanences") at a neighbourhood house: the schedule (managed by facilitators and
// coordinators), its public face (no account needed, no personal data), and the office-hour mode of
// the facilitator on duty: walk-ins registered, their needs said for them, visits counted.

const MANAGE = 'aid.office_hours.manage' satisfies PermissionName;
// Whoever may say a need for someone at the desk may count their visit too.
const DUTY = 'aid.need.write' satisfies PermissionName;

async function requireArea(ctx: Ctx, areaId: string) {
	const [area] = await ctx.db.select({ id: areasArea.id }).from(areasArea).where(eq(areasArea.id, areaId));
	if (!area) throw new InvalidError({ areaId: 'error_choice' });
}

/** The organisation the actor works for in an area: the one asked for, else the first grant covering it. */
function actingOrganisation(ctx: Ctx, permission: ScopedPermission, areaId: string, wanted?: string | null): string {
	if (wanted) {
		requirePermission(ctx.actor, permission, { organisationId: wanted, areaId });
		return wanted;
	}
	const grant = grantsHolding(ctx.actor, permission).find((g) => g.role === 'admin' || g.areaId === null || g.areaId === areaId);
	if (!grant) throw new ForbiddenError(permission);
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

function scopedHours(ctx: Ctx, permission: ScopedPermission, id?: string) {
	return ctx.db
		.select(columns)
		.from(aidOfficeHour)
		.innerJoin(areasArea, eq(areasArea.id, aidOfficeHour.areaId))
		.innerJoin(peopleOrganisation, eq(peopleOrganisation.id, aidOfficeHour.organisationId))
		.where(
			and(
				scopeFilter(ctx.actor, permission, { organisation: aidOfficeHour.organisationId, area: aidOfficeHour.areaId }),
				id ? eq(aidOfficeHour.id, id) : undefined
			)
		)
		.orderBy(asc(areasArea.name), asc(aidOfficeHour.day), asc(aidOfficeHour.start), asc(aidOfficeHour.id))
		.limit(500);
}

/** Where the actor may hold office hours: organisations and areas (for the form's choices). */
export async function officeHourChoices(ctx: Ctx) {
	requirePermission(ctx.actor, MANAGE);
	const organisationIds = grantedOrganisations(ctx.actor, MANAGE);
	const areaIds = grantedAreas(ctx.actor, MANAGE);
	const [organisations, areas] = await Promise.all([
		ctx.db.select({ id: peopleOrganisation.id, name: peopleOrganisation.name }).from(peopleOrganisation).orderBy(asc(peopleOrganisation.name)),
		ctx.db.select({ id: areasArea.id, name: areasArea.name, city: areasArea.city }).from(areasArea).orderBy(asc(areasArea.city), asc(areasArea.name))
	]);
	return {
		organisations: organisationIds ? organisations.filter((o) => organisationIds.includes(o.id)) : organisations,
		areas: areaIds ? areas.filter((a) => areaIds.includes(a.id)) : areas
	};
}

export async function createOfficeHour(ctx: Ctx, raw: z.input<typeof officeHourInput>) {
	requirePermission(ctx.actor, MANAGE);
	const input = parseInput(officeHourInput, raw);
	await requireArea(ctx, input.areaId);
	const organisationId = actingOrganisation(ctx, MANAGE, input.areaId, input.organisationId);
	return inTransaction(ctx, async (t) => {
		const [row] = await t.db
			.insert(aidOfficeHour)
			.values({ organisationId, areaId: input.areaId, place: input.place, day: input.day, start: input.start, end: input.end, public: input.public })
			.returning();
		await audit(t, { action: 'create', entity: 'aid_office_hour', entityId: row!.id, details: { day: input.day, public: input.public } });
		return row!;
	});
}

/** The schedule as those who manage it see it: in their organisations and areas, public or not. */
export async function listOfficeHours(ctx: Ctx) {
	requirePermission(ctx.actor, MANAGE);
	return scopedHours(ctx, MANAGE);
}

export async function getOfficeHour(ctx: Ctx, id: string) {
	requirePermission(ctx.actor, MANAGE);
	const [row] = await scopedHours(ctx, MANAGE, id);
	if (!row) throw new NotFoundError();
	return row;
}

/** Removes an office hour from the schedule; the visits it counted stay (without it). */
export async function deleteOfficeHour(ctx: Ctx, id: string) {
	const hour = await getOfficeHour(ctx, id);
	requirePermission(ctx.actor, MANAGE, { organisationId: hour.organisationId, areaId: hour.areaId });
	return inTransaction(ctx, async (t) => {
		await t.db.delete(aidOfficeHour).where(eq(aidOfficeHour.id, id));
		await audit(t, { action: 'delete', entity: 'aid_office_hour', entityId: id, details: { areaId: hour.areaId, day: hour.day, place: hour.place } });
	});
}

/** The office hours a facilitator on duty may work at (for the office-hour mode's choice). */
export async function officeHoursOnDuty(ctx: Ctx) {
	requirePermission(ctx.actor, DUTY);
	return scopedHours(ctx, DUTY);
}

async function dutyHour(ctx: Ctx, id: string) {
	const [row] = await scopedHours(ctx, DUTY, id);
	if (!row) throw new InvalidError({ officeHourId: 'error_choice' });
	return row;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A neighbourhood's public page: the area and its public office hours. No account needed, no
 * personal data. Found by its code, or by its id (lists that know only the id link that way; the
 * page then sends the visitor on to the address with the code).
 */
export async function publicOfficeHours(db: Ctx['db'], areaCode: string) {
	const code = areaCode.slice(0, 100);
	const [area] = await db
		.select({ id: areasArea.id, name: areasArea.name, city: areasArea.city, code: areasArea.code, source: areasArea.source })
		.from(areasArea)
		.where(UUID.test(code) ? or(eq(areasArea.code, code), eq(areasArea.id, code)) : eq(areasArea.code, code))
		.limit(1);
	if (!area) throw new NotFoundError();
	const hours = await db
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
		.where(and(eq(aidOfficeHour.areaId, area.id), eq(aidOfficeHour.public, true)))
		.orderBy(asc(aidOfficeHour.day), asc(aidOfficeHour.start), asc(aidOfficeHour.id))
		.limit(200);
	return { area, hours };
}

type VisitValues = { officeHourId: string | null; organisationId: string; areaId: string; personId: string | null };

async function insertVisit(ctx: Ctx, v: VisitValues) {
	const c = v.personId ? { ...ctx, onBehalfOfPersonId: v.personId } : ctx;
	const [row] = await c.db
		.insert(aidVisit)
		.values({ ...v, countedByUserId: ctx.actor.userId })
		.returning();
	await audit(c, { action: 'create', entity: 'aid_visit', entityId: row!.id, details: { officeHourId: v.officeHourId } });
	return row!;
}

/** Counts one visit: at an office hour (or just in an area), of someone known or of an anonymous question. */
export async function countVisit(ctx: Ctx, raw: z.input<typeof countVisitInput>) {
	requirePermission(ctx.actor, DUTY);
	const input = parseInput(countVisitInput, raw);
	const hour = input.officeHourId ? await dutyHour(ctx, input.officeHourId) : null;
	if (hour && input.areaId && hour.areaId !== input.areaId) throw new InvalidError({ areaId: 'error_choice' });
	const areaId = hour?.areaId ?? input.areaId;
	if (!areaId) throw new InvalidError({ areaId: 'error_required' });
	if (!hour) await requireArea(ctx, areaId);
	const organisationId = hour?.organisationId ?? actingOrganisation(ctx, DUTY, areaId);
	requirePermission(ctx.actor, DUTY, { organisationId, areaId });
	if (input.personId) {
		const [person] = await ctx.db
			.select({ organisationId: peoplePerson.organisationId, areaId: peoplePerson.areaId })
			.from(peoplePerson)
			.where(eq(peoplePerson.id, input.personId));
		// A person without an organisation is nobody's to count: no grant but an admin's covers them.
		if (!person || !can(ctx.actor, 'people.person.read', person)) throw new InvalidError({ personId: 'error_choice' });
	}
	return inTransaction(ctx, (t) => insertVisit(t, { officeHourId: hour?.id ?? null, organisationId, areaId, personId: input.personId ?? null }));
}

/** Visits counted at one office hour today in Belgium (the tally on the mode's page); `now` for tests. */
export async function visitsToday(ctx: Ctx, officeHourId: string, now: Date = new Date()) {
	requirePermission(ctx.actor, DUTY);
	const hour = await dutyHour(ctx, officeHourId);
	// From Belgian midnight, not `now` minus the minutes past it: on a clock-change day those differ by an hour.
	const today = todayInBelgium(now);
	const [row] = await ctx.db
		.select({ n: count() })
		.from(aidVisit)
		.where(
			and(eq(aidVisit.officeHourId, hour.id), gte(aidVisit.createdAt, startOfBelgianDay(today)), lt(aidVisit.createdAt, endOfBelgianDay(today)))
		);
	return row?.n ?? 0;
}

/**
 * The office-hour mode's quick form: registers a walk-in (or takes someone already known), says
 * their need for them (assisted use) and counts the visit — in one transaction, so a refusal at any
 * step leaves nothing half-done behind. A new person with the first name and phone of someone the
 * organisation already registered is refused with DuplicatePersonError (409, carrying who), unless
 * `registerAnyway`: the form then offers the one already known.
 */
export async function walkIn(ctx: Ctx, raw: z.input<typeof walkInInput>) {
	requirePermission(ctx.actor, DUTY);
	if (!raw.personId) requirePermission(ctx.actor, 'people.person.register');
	const input = parseInput(walkInInput, raw);
	const { person, need: said } = walkInParts(input);
	const hour = await dutyHour(ctx, input.officeHourId);
	requirePermission(ctx.actor, DUTY, { organisationId: hour.organisationId, areaId: hour.areaId });
	if (person && !input.registerAnyway) {
		const known = await samePeople(ctx, hour.organisationId, person.firstName, person.phone);
		if (known.length) {
			// The warning shows who they are (last name, phone, since when): a read of their record,
			// audited as getPerson's reads are. Outside the refused write, so the rows stay.
			for (const k of known) await audit(ctx, { action: 'read', entity: 'people_person', entityId: k.id, reason: 'walk-in duplicate warning' });
			throw new DuplicatePersonError(known);
		}
	}
	return inTransaction(ctx, async (t) => {
		const personId = person
			? (
					await registerPerson(t, {
						...person,
						lastName: null,
						email: null,
						organisationId: hour.organisationId,
						areaId: hour.areaId,
						student: false,
						interculturalConsent: false,
						originGroup: null
					})
				).id
			: input.personId!;
		const need = await createNeed(t, {
			personId,
			areaId: hour.areaId,
			category: said.category,
			title: said.title,
			windows: said.windows,
			dates: said.dates,
			languages: [],
			frequency: 'once',
			safeguarded: said.safeguarded
		});
		const visit = await insertVisit(t, { officeHourId: hour.id, organisationId: hour.organisationId, areaId: hour.areaId, personId });
		return { personId, need, visit };
	});
}
