import { and, asc, desc, eq, exists, gte, inArray, lt, sql } from 'drizzle-orm';
import { after, decodeCursor, defineVerb, endOfBelgianDay, pageOf, startOfBelgianDay, type Ctx } from '../core/index.ts';
import { can, inScope, needsSecondFactor, permission, scopeFilter } from '../access/index.ts';
import { peoplePerson } from '../people/index.ts';
import { networkPartner } from '../network/index.ts';
import { areasArea, areasPlace } from '../areas/index.ts';
import { fieldworkContact, fieldworkContactParty, fieldworkQuestion, fieldworkReferral } from './schema.ts';
import { contactIdInput, listContactsInput } from './validation.ts';

// Reading the contact log: a list of the actor's scope (no names, no notes), and one contact with the
// people on it named only where the actor may read them. The note is shown only to the author's team
// with a second factor, and that read is audited like readContactNote's (notes.ts).

const scope = (ctx: Ctx) =>
	scopeFilter(ctx.actor, 'fieldwork.contact.read', { organisation: fieldworkContact.organisationId, area: fieldworkContact.areaId });

const peopleOn = sql<number>`(select count(*)::int from fieldwork_contact_party p where p.contact_id = ${fieldworkContact.id} and p.role = 'with')`;

export const listContacts = defineVerb({
	name: 'fieldwork.contact.list',
	summary: 'Contacts in the actor’s organisations and neighbourhoods, newest first (no names, no notes)',
	permission: permission('fieldwork.contact.read'),
	input: listContactsInput,
	writes: false,
	access: (ctx) => ({ filter: scope(ctx) }),
	run: async (ctx, input, { filter }) => {
		const key = input.cursor ? decodeCursor(input.cursor, ['string', 'string']) : null;
		const rows = await ctx.db
			.select({
				id: fieldworkContact.id,
				organisationId: fieldworkContact.organisationId,
				areaId: fieldworkContact.areaId,
				areaName: areasArea.name,
				type: fieldworkContact.type,
				startedAt: fieldworkContact.startedAt,
				durationMinutes: fieldworkContact.durationMinutes,
				placeName: sql<string | null>`coalesce(${areasPlace.name}, ${fieldworkContact.placeName})`,
				themes: fieldworkContact.themes,
				anonymousCount: fieldworkContact.anonymousCount,
				people: peopleOn,
				recordedByUserId: fieldworkContact.recordedByUserId
			})
			.from(fieldworkContact)
			.leftJoin(areasArea, eq(areasArea.id, fieldworkContact.areaId))
			.leftJoin(areasPlace, eq(areasPlace.id, fieldworkContact.placeId))
			.where(
				and(
					filter,
					input.from ? gte(fieldworkContact.startedAt, startOfBelgianDay(input.from)) : undefined,
					input.to ? lt(fieldworkContact.startedAt, endOfBelgianDay(input.to)) : undefined,
					input.areaId ? eq(fieldworkContact.areaId, input.areaId) : undefined,
					input.type ? eq(fieldworkContact.type, input.type) : undefined,
					input.theme ? sql`${input.theme} = any(${fieldworkContact.themes})` : undefined,
					input.mine ? eq(fieldworkContact.recordedByUserId, ctx.actor.userId ?? '') : undefined,
					input.personId
						? exists(
								ctx.db
									.select({ one: sql`1` })
									.from(fieldworkContactParty)
									.where(and(eq(fieldworkContactParty.contactId, fieldworkContact.id), eq(fieldworkContactParty.personId, input.personId)))
							)
						: undefined,
					key ? after([fieldworkContact.startedAt, fieldworkContact.id], key, 'desc') : undefined
				)
			)
			.orderBy(desc(fieldworkContact.startedAt), desc(fieldworkContact.id))
			.limit(input.limit + 1);
		const page = pageOf(rows, input.limit, (r) => [r.startedAt.toISOString(), r.id]);
		return {
			nextCursor: page.nextCursor,
			items: page.items.map(({ recordedByUserId, startedAt, ...r }) => ({
				...r,
				startedAt: startedAt.toISOString(),
				mine: recordedByUserId !== null && recordedByUserId === ctx.actor.userId
			}))
		};
	}
});

/** The contact, when some grant of the actor for `name` covers its place; else the 404 of an unknown id. */
export async function contactInScope(ctx: Ctx, id: string, name: 'fieldwork.contact.read' | 'fieldwork.note.read') {
	const [row] = await ctx.db.select().from(fieldworkContact).where(eq(fieldworkContact.id, id));
	return inScope(ctx.actor, name, row);
}

/** Whether the actor may read this contact's note now: the author's team, with its second factor. */
export const mayReadNote = (ctx: Ctx, place: { organisationId: string; areaId: string | null }) =>
	can(ctx.actor, 'fieldwork.note.read', place) && !needsSecondFactor(ctx.actor);

export const getContact = defineVerb({
	name: 'fieldwork.contact.get',
	summary:
		'One contact: when, where, its themes, who was on it, its questions and referrals; the note only for the author’s team (that read is audited)',
	permission: permission('fieldwork.contact.read'),
	input: contactIdInput,
	writes: false,
	access: (ctx, { id }) => contactInScope(ctx, id, 'fieldwork.contact.read'),
	run: async (ctx, _input, c) => {
		const parties = await ctx.db
			.select({
				role: fieldworkContactParty.role,
				userId: fieldworkContactParty.userId,
				personId: fieldworkContactParty.personId,
				partnerId: fieldworkContactParty.partnerId,
				person: {
					firstName: peoplePerson.firstName,
					organisationId: peoplePerson.organisationId,
					areaId: peoplePerson.areaId,
					erasedAt: peoplePerson.erasedAt
				},
				partnerName: networkPartner.name
			})
			.from(fieldworkContactParty)
			.leftJoin(peoplePerson, eq(peoplePerson.id, fieldworkContactParty.personId))
			.leftJoin(networkPartner, eq(networkPartner.id, fieldworkContactParty.partnerId))
			.where(eq(fieldworkContactParty.contactId, c.id))
			.orderBy(asc(fieldworkContactParty.role), asc(peoplePerson.firstName));
		// Colleagues are named by their own person record (an account's name as the organisation knows it).
		const userIds = parties.filter((p) => p.userId).map((p) => p.userId!);
		const workers = userIds.length
			? await ctx.db
					.select({ userId: peoplePerson.userId, firstName: peoplePerson.firstName })
					.from(peoplePerson)
					.where(inArray(peoplePerson.userId, userIds))
			: [];
		const workerName = (id: string | null) => workers.find((w) => w.userId === id)?.firstName ?? null;
		const [place] = c.placeId ? await ctx.db.select({ name: areasPlace.name }).from(areasPlace).where(eq(areasPlace.id, c.placeId)) : [];
		const [area] = c.areaId ? await ctx.db.select({ name: areasArea.name }).from(areasArea).where(eq(areasArea.id, c.areaId)) : [];
		const questions = await ctx.db
			.select({ id: fieldworkQuestion.id, title: fieldworkQuestion.title, status: fieldworkQuestion.status })
			.from(fieldworkQuestion)
			.where(eq(fieldworkQuestion.contactId, c.id))
			.orderBy(asc(fieldworkQuestion.createdAt));
		const referrals = await ctx.db
			.select({ id: fieldworkReferral.id, partner: networkPartner.name, status: fieldworkReferral.status, personId: fieldworkReferral.personId })
			.from(fieldworkReferral)
			.leftJoin(networkPartner, eq(networkPartner.id, fieldworkReferral.partnerId))
			.where(eq(fieldworkReferral.contactId, c.id))
			.orderBy(asc(fieldworkReferral.createdAt));
		const noteShown = c.note !== null && mayReadNote(ctx, c);
		return {
			id: c.id,
			organisationId: c.organisationId,
			areaId: c.areaId,
			areaName: area?.name ?? null,
			type: c.type,
			startedAt: c.startedAt.toISOString(),
			durationMinutes: c.durationMinutes,
			placeId: c.placeId,
			placeName: place?.name ?? c.placeName,
			themes: c.themes,
			anonymousCount: c.anonymousCount,
			anonymousAgeFrom: c.anonymousAgeFrom,
			anonymousAgeTo: c.anonymousAgeTo,
			people: parties
				.filter((p) => p.role === 'with')
				.map((p) => {
					const readable = !!p.person && !p.person.erasedAt && can(ctx.actor, 'people.person.read', p.person);
					return { personId: readable ? p.personId : null, firstName: readable ? p.person!.firstName : null };
				}),
			partners: parties.filter((p) => p.role === 'partner_present').map((p) => ({ partnerId: p.partnerId!, name: p.partnerName })),
			mustAct: parties.filter((p) => p.role === 'must_act').map((p) => ({ userId: p.userId, name: workerName(p.userId) })),
			recordedBy: { userId: c.recordedByUserId, name: workerName(c.recordedByUserId) },
			mine: c.recordedByUserId !== null && c.recordedByUserId === ctx.actor.userId,
			questions,
			referrals,
			note: noteShown ? c.note : null,
			noteHidden: c.note !== null && !noteShown,
			noteShareable: c.noteShareable
		};
	},
	audit: (_input, out) => [
		{ action: 'read', entity: 'fieldwork_contact', entityId: out.id },
		...(out.note !== null ? [{ action: 'read' as const, entity: 'fieldwork_contact', entityId: out.id, details: { part: 'note' } }] : [])
	]
});
