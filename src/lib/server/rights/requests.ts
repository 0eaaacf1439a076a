import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { NotFoundError, after, decodeCursor, defineVerb, pageOf } from '../core/index.ts';
import { inScope, permission, scopeFilter } from '../access/index.ts';
import { peopleOrganisation, peoplePerson } from '../people/index.ts';
import { collectPersonData } from './export.ts';
import { loadPerson } from './people.ts';
import { rightsErasureRequest } from './schema.ts';
import { refuseInput, requestListInput } from './validation.ts';
import { z } from 'zod';

// A person's own rights from their account page, and the coordinators' list of erasure requests.
// A resident reaches only their own person (found by the account, never by an id they send).

const OWN_READ = 'people.own.export' as const;
const OWN_ASK = 'people.own.erasure_request' as const;
const ERASE = 'people.person.erase' as const;

const ownPerson = (personId: string | null) => {
	if (!personId) throw new NotFoundError();
	return { personId };
};

/** The signed-in person's own export (the same as staff get); the read is audited. */
export const exportOwnData = defineVerb({
	name: 'rights.own.export',
	summary: 'Everything held about the signed-in person, with the consultation log',
	permission: permission(OWN_READ),
	input: z.object({}).default({}),
	writes: false,
	access: (ctx) => ownPerson(ctx.actor.personId),
	run: (ctx, _input, { personId }) => collectPersonData(ctx.db, personId),
	audit: (_input, out) => ({ action: 'read', entity: 'people_person', entityId: out.personId, details: { part: 'export', own: true } })
});

/** The latest erasure request of the signed-in person, to show its state on the account page. */
export const ownErasureRequest = defineVerb({
	name: 'rights.own.erasure_request',
	summary: 'The signed-in person’s latest erasure request and its state',
	permission: permission(OWN_READ),
	input: z.object({}).default({}),
	writes: false,
	access: (ctx) => ownPerson(ctx.actor.personId),
	run: async (ctx, _input, { personId }) => {
		const [row] = await ctx.db
			.select({
				askedAt: rightsErasureRequest.askedAt,
				handledAt: rightsErasureRequest.handledAt,
				outcome: rightsErasureRequest.outcome,
				outcomeReason: rightsErasureRequest.outcomeReason
			})
			.from(rightsErasureRequest)
			.where(eq(rightsErasureRequest.personId, personId))
			.orderBy(desc(rightsErasureRequest.askedAt))
			.limit(1);
		return row ?? null;
	}
});

/** Asks the person's organisation to erase their data; asking again while one is open is the same request. */
export const askErasure = defineVerb({
	name: 'rights.own.ask_erasure',
	summary: 'Ask to erase one’s own data (the organisation’s coordinators carry it out or refuse with a reason)',
	permission: permission(OWN_ASK),
	input: z.object({}).default({}),
	writes: true,
	access: (ctx) => ownPerson(ctx.actor.personId),
	run: async (ctx, _input, { personId }) => {
		const [made] = await ctx.db.insert(rightsErasureRequest).values({ personId }).onConflictDoNothing().returning({ id: rightsErasureRequest.id });
		if (made) return { id: made.id, created: true };
		const [open] = await ctx.db
			.select({ id: rightsErasureRequest.id })
			.from(rightsErasureRequest)
			.where(and(eq(rightsErasureRequest.personId, personId), isNull(rightsErasureRequest.handledAt)));
		return { id: open!.id, created: false };
	},
	audit: (_input, out) => (out.created ? { action: 'create', entity: 'rights_erasure_request', entityId: out.id } : null)
});

/** Open erasure requests of the people in the actor's scope, oldest first (the one waiting longest on top). */
export const listErasureRequests = defineVerb({
	name: 'rights.request.list',
	summary: 'Open erasure requests of the people in the caller’s scope, oldest first',
	permission: permission(ERASE),
	input: requestListInput,
	writes: false,
	access: (ctx) => scopeFilter(ctx.actor, ERASE, { organisation: peoplePerson.organisationId, area: peoplePerson.areaId }),
	run: async (ctx, { limit, cursor }, scope) => {
		const order = [rightsErasureRequest.askedAt, rightsErasureRequest.id];
		const rows = await ctx.db
			.select({
				id: rightsErasureRequest.id,
				askedAt: rightsErasureRequest.askedAt,
				personId: peoplePerson.id,
				firstName: peoplePerson.firstName,
				lastName: peoplePerson.lastName,
				organisation: peopleOrganisation.name
			})
			.from(rightsErasureRequest)
			.innerJoin(peoplePerson, eq(peoplePerson.id, rightsErasureRequest.personId))
			.leftJoin(peopleOrganisation, eq(peopleOrganisation.id, peoplePerson.organisationId))
			.where(and(scope, isNull(rightsErasureRequest.handledAt), cursor ? after(order, decodeCursor(cursor, ['string', 'string']), 'asc') : undefined))
			.orderBy(...order)
			.limit(limit + 1);
		return pageOf(rows, limit, (r) => [r.askedAt.toISOString(), r.id]);
	}
});

/** Refuses an erasure request with a reason the person is shown (e.g. a legal obligation to keep the record). */
export const refuseErasure = defineVerb({
	name: 'rights.request.refuse',
	summary: 'Refuse a person’s erasure request, with the reason they are shown',
	permission: permission(ERASE),
	input: refuseInput,
	writes: true,
	access: async (ctx, { requestId }) => {
		const [request] = await ctx.db
			.select({ id: rightsErasureRequest.id, personId: rightsErasureRequest.personId, handledAt: rightsErasureRequest.handledAt })
			.from(rightsErasureRequest)
			.where(eq(rightsErasureRequest.id, requestId))
			.for('update');
		const person = request ? await loadPerson(ctx, request.personId) : undefined;
		inScope(ctx.actor, ERASE, person);
		if (!request || request.handledAt) throw new NotFoundError();
		return request;
	},
	run: async (ctx, { reason }, request) => {
		await ctx.db
			.update(rightsErasureRequest)
			.set({ handledAt: sql`now()`, handledByUserId: ctx.actor.userId, outcome: 'refused', outcomeReason: reason })
			.where(eq(rightsErasureRequest.id, request.id));
		return { id: request.id, personId: request.personId, refused: true as const };
	},
	audit: ({ reason }, out) => ({ action: 'update', entity: 'rights_erasure_request', entityId: out.id, reason, details: { outcome: 'refused' } })
});
