import { z } from 'zod';
import { and, desc, eq, ilike, inArray, isNull, sql } from 'drizzle-orm';
import { ForbiddenError, belgianClock, containsPattern, defineVerb } from '../core/index.ts';
import { can, covers, grantsHolding, permission } from '../access/index.ts';
import { areasArea } from '../areas/index.ts';
import { peoplePerson } from '../people/index.ts';
import { fieldworkContact, fieldworkContactParty, fieldworkWorker } from './schema.ts';
import { moreChoices } from './log-form-more.ts';

// What the log form offers a worker before a word is typed: its neighbourhoods (the last one used
// first), its usual duration, the last place name, the people it met lately, the folded "More" part's
// colleagues, partners and named places, and — when the form's "Search" button was pressed (or the
// page's search as you type asked) — the people of the organisation whose first name matches.

export const logChoicesInput = z.object({ q: z.string().max(80, 'error_too_long').optional() }).prefault({});

type Person = { id: string; firstName: string; lastName: string | null };

export const logChoices = defineVerb({
	name: 'fieldwork.contact.choices',
	summary: 'What the contact log form offers the worker: neighbourhoods, usual duration, recent people, a first-name search',
	permission: permission('fieldwork.contact.log'),
	input: logChoicesInput,
	writes: false,
	access: (ctx) => {
		const grants = grantsHolding(ctx.actor, 'fieldwork.contact.log').filter((g) => g.role !== 'admin');
		if (!grants.length) throw new ForbiddenError('fieldwork.contact.log');
		return grants;
	},
	run: async (ctx, { q }, grants) => {
		const organisationIds = [...new Set(grants.map((g) => g.organisationId))];
		const areaRows = await ctx.db.select({ id: areasArea.id, name: areasArea.name }).from(areasArea).orderBy(areasArea.name);
		// An area is offered with the organisation whose grant covers it (the first such grant).
		const areas = areaRows.flatMap((a) => {
			const g = grants.find((g) => covers(g, { organisationId: g.organisationId, areaId: a.id }));
			return g ? [{ id: a.id, name: a.name, organisationId: g.organisationId }] : [];
		});
		const userId = ctx.actor.userId!;
		const [last] = await ctx.db
			.select({ areaId: fieldworkContact.areaId, placeName: fieldworkContact.placeName })
			.from(fieldworkContact)
			.where(eq(fieldworkContact.recordedByUserId, userId))
			.orderBy(desc(fieldworkContact.startedAt))
			.limit(1);
		const [worker] = await ctx.db.select({ usual: fieldworkWorker.usualMinutes }).from(fieldworkWorker).where(eq(fieldworkWorker.userId, userId));
		const grantArea = grants.find((g) => g.areaId)?.areaId ?? null;
		const defaultArea = areas.find((a) => a.id === last?.areaId)?.id ?? areas.find((a) => a.id === grantArea)?.id ?? areas[0]?.id ?? null;
		const readable = (p: Person & { organisationId: string | null; areaId: string | null }) => can(ctx.actor, 'people.person.read', p);
		const live = and(isNull(peoplePerson.erasedAt), isNull(peoplePerson.mergedIntoId), inArray(peoplePerson.organisationId, organisationIds));
		const person = {
			id: peoplePerson.id,
			firstName: peoplePerson.firstName,
			lastName: peoplePerson.lastName,
			organisationId: peoplePerson.organisationId,
			areaId: peoplePerson.areaId
		};
		// The last people this worker met, most recent first, each once.
		const met = await ctx.db
			.select({ ...person, at: sql<Date>`max(${fieldworkContact.startedAt})` })
			.from(fieldworkContactParty)
			.innerJoin(fieldworkContact, eq(fieldworkContact.id, fieldworkContactParty.contactId))
			.innerJoin(peoplePerson, eq(peoplePerson.id, fieldworkContactParty.personId))
			.where(and(eq(fieldworkContact.recordedByUserId, userId), live))
			.groupBy(peoplePerson.id)
			.orderBy(desc(sql`max(${fieldworkContact.startedAt})`))
			.limit(8);
		const term = q?.trim();
		const matches = term
			? await ctx.db
					.select(person)
					.from(peoplePerson)
					.where(and(live, ilike(peoplePerson.firstName, containsPattern(term))))
					.orderBy(peoplePerson.firstName)
					.limit(10)
			: [];
		const more = await moreChoices(
			ctx,
			organisationIds,
			areas.map((a) => a.id)
		);
		const strip = (p: Person): Person => ({ id: p.id, firstName: p.firstName, lastName: p.lastName });
		const now = belgianClock(new Date());
		return {
			areas,
			defaultArea,
			usualMinutes: worker?.usual ?? 30,
			lastPlaceName: last?.placeName ?? null,
			recent: met.filter(readable).map(strip),
			matches: matches.filter(readable).map(strip),
			...more,
			today: now.day,
			time: `${String(Math.floor(now.minute / 60)).padStart(2, '0')}:${String(now.minute % 60).padStart(2, '0')}`
		};
	}
});
