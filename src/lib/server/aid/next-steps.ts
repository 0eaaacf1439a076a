import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { type Ctx, NotFoundError, belgianClock, defineVerb } from '../core/index.ts';
import { accessRoleGrant, permission } from '../access/index.ts';
import { peopleOrganisation, peoplePerson } from '../people/index.ts';
import { aidNeed, aidOffer, aidOfficeHour, DRAFT_KINDS } from './schema.ts';

// The confirmation page's "what happens next", with real names: who handles needs in that
// neighbourhood for the organisation that holds the record, and its next public office hour.

const NONE = '00000000-0000-0000-0000-000000000000';

async function ownPlace(ctx: Ctx, kind: 'need' | 'offer', id: string) {
	const table = kind === 'need' ? aidNeed : aidOffer;
	const [row] = await ctx.db
		.select({ organisationId: table.organisationId, areaId: table.areaId, status: table.status })
		.from(table)
		.where(and(eq(table.id, id), eq(table.personId, ctx.actor.personId ?? NONE)));
	if (!row) throw new NotFoundError();
	return row;
}

/** The slot coming first from now on (the week wraps): today's still ahead, else the next day's. */
export function nextSlot<T extends { day: number; start: number }>(slots: T[], now: { day: number; minute: number }): T | null {
	const key = (s: T) => ((s.day - now.day + 7) % 7 === 0 && s.start < now.minute ? 7 * 1440 + s.start : ((s.day - now.day + 7) % 7) * 1440 + s.start);
	return [...slots].sort((a, b) => key(a) - key(b))[0] ?? null;
}

/**
 * For one's own new need or offer: the organisation's name, the first name of a facilitator there
 * (the longest-serving one for the neighbourhood, else one for the whole organisation) and the next
 * public office hour there. Only first names: that is what a neighbour hears on the phone.
 */
export const whatNext = defineVerb({
	name: 'aid.own.next',
	summary: 'Who will call about one’s own new need or offer, and the next office hour in its neighbourhood',
	permission: permission('aid.own.read'),
	input: z.object({ kind: z.enum(DRAFT_KINDS), id: z.uuid('error_not_found') }),
	writes: false,
	access: (ctx, { kind, id }) => ownPlace(ctx, kind, id),
	run: async (ctx, _input, place) => {
		const [[organisation], [facilitator], hours] = await Promise.all([
			ctx.db.select({ name: peopleOrganisation.name }).from(peopleOrganisation).where(eq(peopleOrganisation.id, place.organisationId)),
			ctx.db
				.select({ firstName: peoplePerson.firstName })
				.from(accessRoleGrant)
				.innerJoin(peoplePerson, eq(peoplePerson.id, accessRoleGrant.personId))
				.where(
					and(
						eq(accessRoleGrant.role, 'facilitator'),
						eq(accessRoleGrant.organisationId, place.organisationId),
						or(eq(accessRoleGrant.areaId, place.areaId), isNull(accessRoleGrant.areaId))
					)
				)
				// Someone for this neighbourhood before someone for the whole organisation.
				.orderBy(asc(isNull(accessRoleGrant.areaId)), asc(accessRoleGrant.createdAt))
				.limit(1),
			ctx.db
				.select({ day: aidOfficeHour.day, start: aidOfficeHour.start, end: aidOfficeHour.end, place: aidOfficeHour.place })
				.from(aidOfficeHour)
				.where(and(eq(aidOfficeHour.organisationId, place.organisationId), eq(aidOfficeHour.areaId, place.areaId), eq(aidOfficeHour.public, true)))
		]);
		const clock = belgianClock(new Date());
		return {
			// Said by someone who joined alone: the neighbourhood house looks at it before anyone is proposed.
			held: place.status === 'review',
			organisation: organisation?.name ?? null,
			facilitator: facilitator?.firstName ?? null,
			officeHour: nextSlot(hours, { day: clock.dayOfWeek - 1, minute: clock.minute })
		};
	}
});
