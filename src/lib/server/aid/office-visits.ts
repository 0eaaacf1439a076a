import { and, count, eq, gte, lt } from 'drizzle-orm';
import { z } from 'zod';
import {
	ForbiddenError,
	InvalidError,
	NotFoundError,
	defineVerb,
	endOfBelgianDay,
	startOfBelgianDay,
	todayInBelgium,
	type Ctx
} from '../core/index.ts';
import { can, holds, inScope, permission } from '../access/index.ts';
import { registerPerson } from '../people/index.ts';
import { peoplePerson } from '../people/index.ts';
import { aidVisit } from './schema.ts';
import { createNeed } from './needs.ts';
import { countVisitInput, walkInInput, walkInParts } from './office-hours-validation.ts';
import { samePeople, type KnownPerson } from './office-hours-duplicates.ts';
import { DUTY, actingOrganisation, requireArea, scopedHour, type OfficeHour } from './office-hours.ts';

// The office-hour mode of the facilitator on duty: walk-ins registered, their needs said for them,
// visits counted.

/** An office hour the actor may work at, named in a form: one outside their scope is a choice not offered. */
async function dutyHour(ctx: Ctx, id: string): Promise<OfficeHour> {
	try {
		return await scopedHour(ctx, DUTY, id);
	} catch (e) {
		if (e instanceof NotFoundError) throw new InvalidError({ officeHourId: 'error_choice' });
		throw e;
	}
}

type VisitValues = { officeHourId: string | null; organisationId: string; areaId: string; personId: string | null };

const insertVisit = async (ctx: Ctx, v: VisitValues) =>
	(
		await ctx.db
			.insert(aidVisit)
			.values({ ...v, countedByUserId: ctx.actor.userId })
			.returning()
	)[0]!;

type Visit = Awaited<ReturnType<typeof insertVisit>>;

/** Assisted use: a visit of someone known is recorded as done for them. */
const visitAudit = (v: Visit) => ({
	action: 'create' as const,
	entity: 'aid_visit',
	entityId: v.id,
	details: { officeHourId: v.officeHourId },
	onBehalfOfPersonId: v.personId
});

/** Counts one visit: at an office hour (or just in an area), of someone known or of an anonymous question. */
export const countVisit = defineVerb({
	name: 'aid.visit.create',
	summary: 'Count one visit at an office hour or in a neighbourhood, of someone known or of an anonymous question',
	permission: permission(DUTY),
	input: countVisitInput,
	writes: true,
	access: async (ctx, input): Promise<VisitValues> => {
		const hour = input.officeHourId ? await dutyHour(ctx, input.officeHourId) : null;
		if (hour && input.areaId && hour.areaId !== input.areaId) throw new InvalidError({ areaId: 'error_choice' });
		const areaId = hour?.areaId ?? input.areaId;
		if (!areaId) throw new InvalidError({ areaId: 'error_required' });
		if (!hour) await requireArea(ctx, areaId);
		const organisationId = hour?.organisationId ?? actingOrganisation(ctx, DUTY, areaId);
		if (!can(ctx.actor, DUTY, { organisationId, areaId })) throw new ForbiddenError(DUTY);
		if (input.personId) {
			const [person] = await ctx.db
				.select({ organisationId: peoplePerson.organisationId, areaId: peoplePerson.areaId })
				.from(peoplePerson)
				.where(eq(peoplePerson.id, input.personId));
			// A person without an organisation is nobody's to count: no grant but an admin's covers them.
			if (!person || !can(ctx.actor, 'people.person.read', person)) throw new InvalidError({ personId: 'error_choice' });
		}
		return { officeHourId: hour?.id ?? null, organisationId, areaId, personId: input.personId ?? null };
	},
	run: (ctx, _input, values) => insertVisit(ctx, values),
	audit: (_input, visit) => visitAudit(visit)
});

/** One counted visit, for those who may count visits where it was counted. */
export const getVisit = defineVerb({
	name: 'aid.visit.get',
	summary: 'One counted visit (another organisation’s or neighbourhood’s is a 404)',
	permission: permission(DUTY),
	input: z.object({ id: z.uuid('error_not_found') }),
	writes: false,
	access: async (ctx, { id }) => {
		const [row] = await ctx.db.select().from(aidVisit).where(eq(aidVisit.id, id));
		return inScope(ctx.actor, DUTY, row);
	},
	run: async (_ctx, _input, visit) => visit
});

/** Visits counted at one office hour today in Belgium (the tally on the mode's page); `now` for tests. */
export const visitsToday = defineVerb({
	name: 'aid.visit.count_today',
	summary: 'How many visits were counted at an office hour today (the Belgian day)',
	permission: permission(DUTY),
	input: z.object({ officeHourId: z.uuid('error_choice'), now: z.date().optional() }),
	writes: false,
	access: (ctx, { officeHourId }) => dutyHour(ctx, officeHourId),
	run: async (ctx, { now }, hour) => {
		// From Belgian midnight, not `now` minus the minutes past it: on a clock-change day those differ by an hour.
		const today = todayInBelgium(now ?? new Date());
		const [row] = await ctx.db
			.select({ n: count() })
			.from(aidVisit)
			.where(
				and(eq(aidVisit.officeHourId, hour.id), gte(aidVisit.createdAt, startOfBelgianDay(today)), lt(aidVisit.createdAt, endOfBelgianDay(today)))
			);
		return row?.n ?? 0;
	}
});

type WalkedIn = { personId: string; need: Awaited<ReturnType<typeof createNeed>>; visit: Visit };
/** The walk-in was not registered: people already known with that first name and phone. */
type AlreadyKnown = { known: KnownPerson[] };

/**
 * The office-hour mode's quick form: registers a walk-in (or takes someone already known), says
 * their need for them (assisted use) and counts the visit — in one transaction, so a refusal at any
 * step leaves nothing half-done behind. A new person with the first name and phone of someone the
 * organisation already registered is not registered (unless `registerAnyway`): the answer is who is
 * known, so the form can offer them. Not an error, on purpose: the warning shows who they are (last
 * name, phone, since when), a read audited as getPerson's reads are, and an error would roll those
 * audit rows back with the transaction.
 */
/** The walk-in form's one consent box is the organisation's purpose 'contact', spoken at the office hour. */
function walkInFields<P extends { contactConsent: boolean }>({ contactConsent, ...fields }: P) {
	return { ...fields, consents: contactConsent ? ['contact' as const] : [], consentMethod: 'spoken' as const };
}

export const walkIn = defineVerb({
	name: 'aid.walk_in.create',
	summary: 'Register a walk-in at an office hour, say their need for them and count the visit',
	permission: permission(DUTY),
	input: walkInInput,
	writes: true,
	access: async (ctx, input) => {
		if (!input.personId && !holds(ctx.actor, 'people.person.register')) throw new ForbiddenError('people.person.register');
		const hour = await dutyHour(ctx, input.officeHourId);
		if (!can(ctx.actor, DUTY, { organisationId: hour.organisationId, areaId: hour.areaId })) throw new ForbiddenError(DUTY);
		return hour;
	},
	run: async (ctx, input, hour): Promise<WalkedIn | AlreadyKnown> => {
		const { person, need: said } = walkInParts(input);
		if (person && !input.registerAnyway) {
			const known = await samePeople(ctx, hour.organisationId, person.firstName, person.phone);
			if (known.length) return { known };
		}
		const personId = person
			? (
					await registerPerson(ctx, {
						...walkInFields(person),
						lastName: null,
						email: null,
						organisationId: hour.organisationId,
						areaId: hour.areaId,
						student: false,
						originGroup: null
					})
				).id
			: input.personId!;
		const need = await createNeed(ctx, {
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
		const visit = await insertVisit(ctx, { officeHourId: hour.id, organisationId: hour.organisationId, areaId: hour.areaId, personId });
		return { personId, need, visit };
	},
	audit: (_input, out) =>
		'known' in out
			? out.known.map((k) => ({ action: 'read' as const, entity: 'people_person', entityId: k.id, reason: 'walk-in duplicate warning' }))
			: visitAudit(out.visit)
});
