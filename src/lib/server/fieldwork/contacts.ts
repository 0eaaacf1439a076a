import { and, eq, inArray, isNull } from 'drizzle-orm';
import { ConflictError, ForbiddenError, InvalidError, defineVerb, type Ctx } from '../core/index.ts';
import { accessRoleGrant, can, permission } from '../access/index.ts';
import { areasPlace } from '../areas/index.ts';
import { markSeen, peoplePerson, registerPerson } from '../people/index.ts';
import { networkPartner } from '../network/index.ts';
import { fieldworkContact, fieldworkContactParty } from './schema.ts';
import { logContactInput } from './validation.ts';
import { requestHash } from './request-hash.ts';

// The contact log: one row per moment a worker met people, with who was on it as party rows. The
// other fieldwork parts (home, street, bench) all write through this one verb.

type Input = typeof logContactInput._output;
type Logged = { id: string; clientId: string | null; repeated: boolean };

/** Roles that work with people in an organisation (a colleague who "must act" holds one of them). */
export const STAFF_ROLES = ['facilitator', 'outreach', 'coordinator'] as const;

/** Every person must be one of the organisation the actor may read; otherwise nothing is written. */
async function checkPeople(ctx: Ctx, input: Input): Promise<void> {
	const ids = input.people.map((p) => p.personId);
	if (!ids.length) return;
	const rows = await ctx.db
		.select({ id: peoplePerson.id, organisationId: peoplePerson.organisationId, areaId: peoplePerson.areaId })
		.from(peoplePerson)
		.where(and(inArray(peoplePerson.id, ids), isNull(peoplePerson.erasedAt), isNull(peoplePerson.mergedIntoId)));
	const ok = rows.filter((p) => p.organisationId === input.organisationId && can(ctx.actor, 'people.person.read', p));
	if (ok.length !== ids.length) throw new InvalidError({ people: 'fw_contact_error_person' });
}

async function checkPartners(ctx: Ctx, input: Input): Promise<void> {
	if (!input.partnerIds.length) return;
	const ids = [...new Set(input.partnerIds)];
	const rows = await ctx.db
		.select({ id: networkPartner.id })
		.from(networkPartner)
		.where(and(inArray(networkPartner.id, ids), eq(networkPartner.organisationId, input.organisationId)));
	if (rows.length !== ids.length) throw new InvalidError({ partnerIds: 'fw_contact_error_partner' });
}

async function checkColleagues(ctx: Ctx, input: Input): Promise<void> {
	if (!input.mustActUserIds.length) return;
	const ids = [...new Set(input.mustActUserIds)];
	const rows = await ctx.db
		.selectDistinct({ userId: peoplePerson.userId })
		.from(accessRoleGrant)
		.innerJoin(peoplePerson, eq(peoplePerson.id, accessRoleGrant.personId))
		.where(
			and(
				inArray(peoplePerson.userId, ids),
				eq(accessRoleGrant.organisationId, input.organisationId),
				inArray(accessRoleGrant.role, [...STAFF_ROLES])
			)
		);
	if (rows.length !== ids.length) throw new InvalidError({ mustActUserIds: 'fw_contact_error_colleague' });
}

async function checkPlace(ctx: Ctx, input: Input): Promise<void> {
	if (!input.placeId) return;
	const [place] = await ctx.db.select().from(areasPlace).where(eq(areasPlace.id, input.placeId));
	const fits = place && place.areaId === input.areaId && (place.organisationId === null || place.organisationId === input.organisationId);
	if (!fits) throw new InvalidError({ placeId: 'fw_contact_error_place' });
}

/** The first contact sent with this client id: the same body answers it again; another body is refused. */
async function earlier(ctx: Ctx, input: Input, hash: string): Promise<Logged> {
	const [row] = await ctx.db
		.select({ id: fieldworkContact.id, requestHash: fieldworkContact.requestHash })
		.from(fieldworkContact)
		.where(and(eq(fieldworkContact.organisationId, input.organisationId), eq(fieldworkContact.clientId, input.clientId!)));
	// Gone between the conflict and the read (the first transaction rolled back): the client retries.
	if (!row) throw new ConflictError('error_idempotency_in_flight');
	if (row.requestHash !== hash) throw new InvalidError({ clientId: 'error_idempotency_key_reused' }, 'error_idempotency_key_reused');
	return { id: row.id, clientId: input.clientId!, repeated: true };
}

export const logContact = defineVerb({
	name: 'fieldwork.contact.log',
	summary:
		'Log a contact: a home visit, a street contact, office hours… with the people met and its themes (a resend with the same clientId answers the first)',
	permission: permission('fieldwork.contact.log'),
	input: logContactInput,
	writes: true,
	access: async (ctx, input) => {
		const place = { organisationId: input.organisationId, areaId: input.areaId };
		if (!can(ctx.actor, 'fieldwork.contact.log', place)) throw new ForbiddenError('fieldwork.contact.log');
		await checkPeople(ctx, input);
		await checkPartners(ctx, input);
		await checkColleagues(ctx, input);
		await checkPlace(ctx, input);
		return place;
	},
	run: async (ctx, input): Promise<Logged> => {
		const hash = requestHash(input);
		const startedAt = input.startedAt ? new Date(input.startedAt) : new Date();
		const note = input.note?.trim() ? input.note : null;
		// ON CONFLICT DO NOTHING: of two resends arriving together, one inserts and the other waits for
		// it, then reads its row (a unique violation would abort this transaction instead).
		const [row] = await ctx.db
			.insert(fieldworkContact)
			.values({
				organisationId: input.organisationId,
				areaId: input.areaId,
				type: input.type,
				startedAt,
				durationMinutes: input.durationMinutes,
				placeId: input.placeId ?? null,
				placeName: input.placeName ?? null,
				lat: input.lat ?? null,
				lon: input.lon ?? null,
				themes: input.themes,
				anonymousCount: input.anonymousCount,
				anonymousAgeFrom: input.anonymousAgeFrom ?? null,
				anonymousAgeTo: input.anonymousAgeTo ?? null,
				note,
				noteShareable: note !== null && input.noteShareable,
				clientId: input.clientId ?? null,
				requestHash: hash,
				recordedByUserId: ctx.actor.userId
			})
			.onConflictDoNothing({ target: [fieldworkContact.organisationId, fieldworkContact.clientId] })
			.returning({ id: fieldworkContact.id });
		if (!row) return earlier(ctx, input, hash);

		const created: string[] = [];
		for (const p of input.newPeople) {
			const person = await registerPerson(ctx, {
				organisationId: input.organisationId,
				areaId: input.areaId,
				firstName: p.firstName
			});
			created.push(person.id);
		}
		const met = [...input.people.map((p) => p.personId), ...created];
		const parties: (typeof fieldworkContactParty.$inferInsert)[] = [
			{ contactId: row.id, role: 'recorder', userId: ctx.actor.userId },
			...met.map((personId) => ({ contactId: row.id, role: 'with' as const, personId })),
			...[...new Set(input.mustActUserIds)].map((userId) => ({ contactId: row.id, role: 'must_act' as const, userId })),
			...[...new Set(input.partnerIds)].map((partnerId) => ({ contactId: row.id, role: 'partner_present' as const, partnerId }))
		];
		await ctx.db.insert(fieldworkContactParty).values(parties);
		await markSeen(ctx.db, met, startedAt > new Date() ? new Date() : startedAt);
		return { id: row.id, clientId: input.clientId ?? null, repeated: false };
	},
	audit: (input, out) =>
		out.repeated
			? null
			: {
					action: 'create',
					entity: 'fieldwork_contact',
					entityId: out.id,
					details: { type: input.type, people: input.people.length + input.newPeople.length }
				}
});
