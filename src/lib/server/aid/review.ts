import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { audit, ConflictError, type Ctx, inTransaction, InvalidError, NotFoundError, parseInput, type TxCtx } from '../core/index.ts';
import { accessRoleGrant, can, holds, requirePermission } from '../access/index.ts';
import { peoplePerson } from '../people/index.ts';
import { areasArea, areasPlace } from '../areas/index.ts';
import { aidLink, aidNeed, aidOffer, aidOfficeHour, OPEN_LINK_STATUSES } from './schema.ts';
import { scopeFilter } from '../access/index.ts';
import { duplicateNeedInput, joinInput, needIdInput } from './own-validation.ts';

// Someone who signed up alone chooses a neighbourhood with a neighbourhood house and becomes a
// resident there at once, unreviewed: they may ask for and offer help straight away, and what they
// say waits ('review') for that neighbourhood's facilitators, who confirm the person (then the need
// and any offer go into matching) or close it. Until then it is never suggested, proposed, on the
// board or in a weekly proposal. The resident sees only their own records, as any resident.

const OWN_ROLES = ['resident', 'volunteer'] as const;

/**
 * Is what this person says for this organisation held for review? Fails closed: only a reviewed
 * resident or volunteer grant in that organisation lets it through (a person recorded by one
 * organisation who joined another's neighbourhood has none there, and is held).
 */
export async function heldForReview(ctx: Ctx, personId: string, organisationId: string): Promise<boolean> {
	const grants = await ctx.db
		.select({ reviewed: accessRoleGrant.reviewed })
		.from(accessRoleGrant)
		.where(
			and(eq(accessRoleGrant.personId, personId), eq(accessRoleGrant.organisationId, organisationId), inArray(accessRoleGrant.role, [...OWN_ROLES]))
		);
	return grants.length === 0 || grants.every((g) => !g.reviewed);
}

export type JoinChoice = {
	areaId: string;
	areaName: string;
	areaCode: string;
	house: string;
	address: string | null;
	hours: { day: number; start: number; end: number; place: string }[];
};

/** The neighbourhoods one can join: those with a neighbourhood house of an organisation, with its public office hours. */
export async function joinChoices(db: Ctx['db']): Promise<JoinChoice[]> {
	const houses = await db
		.select({
			areaId: areasArea.id,
			areaName: areasArea.name,
			areaCode: areasArea.code,
			organisationId: areasPlace.organisationId,
			house: areasPlace.name,
			address: areasPlace.address
		})
		.from(areasPlace)
		.innerJoin(areasArea, eq(areasArea.id, areasPlace.areaId))
		.where(and(eq(areasPlace.kind, 'neighbourhood_house'), isNotNull(areasPlace.organisationId)))
		.orderBy(asc(areasArea.name), asc(areasPlace.name), asc(areasPlace.id));
	const first = new Map<string, (typeof houses)[number]>();
	for (const h of houses) if (!first.has(h.areaId)) first.set(h.areaId, h);
	const chosen = [...first.values()];
	const hours = chosen.length
		? await db
				.select({
					areaId: aidOfficeHour.areaId,
					organisationId: aidOfficeHour.organisationId,
					day: aidOfficeHour.day,
					start: aidOfficeHour.start,
					end: aidOfficeHour.end,
					place: aidOfficeHour.place
				})
				.from(aidOfficeHour)
				.where(
					and(
						inArray(
							aidOfficeHour.areaId,
							chosen.map((h) => h.areaId)
						),
						eq(aidOfficeHour.public, true)
					)
				)
				.orderBy(asc(aidOfficeHour.day), asc(aidOfficeHour.start))
		: [];
	return chosen.map((h) => ({
		areaId: h.areaId,
		areaName: h.areaName,
		areaCode: h.areaCode,
		house: h.house,
		address: h.address,
		hours: hours
			.filter((o) => o.areaId === h.areaId && o.organisationId === h.organisationId)
			.map(({ day, start, end, place }) => ({ day, start, end, place }))
	}));
}

/**
 * An account without any role becomes a resident of the chosen neighbourhood's house, unreviewed.
 * Anyone who already holds a role (staff, or a resident the house added) is refused: roles are
 * otherwise only given by an admin, and staff do not say needs in their own name.
 */
export async function joinNeighbourhood(ctx: Ctx, raw: { areaId: string }) {
	requirePermission(ctx.actor, 'aid.own.join');
	const input = parseInput(joinInput, raw);
	const personId = ctx.actor.personId;
	if (!personId) throw new NotFoundError();
	return inTransaction(ctx, async (t) => {
		// Locked: two tabs joining at once make one grant, not two.
		const [person] = await t.db
			.select({ id: peoplePerson.id, areaId: peoplePerson.areaId, organisationId: peoplePerson.organisationId })
			.from(peoplePerson)
			.where(eq(peoplePerson.id, personId))
			.for('update');
		if (!person) throw new NotFoundError();
		const [held] = await t.db.select({ id: accessRoleGrant.id }).from(accessRoleGrant).where(eq(accessRoleGrant.personId, personId)).limit(1);
		if (held) throw new ConflictError('aid_error_already_member');
		const [house] = await t.db
			.select({ organisationId: areasPlace.organisationId })
			.from(areasPlace)
			.where(and(eq(areasPlace.areaId, input.areaId), eq(areasPlace.kind, 'neighbourhood_house'), isNotNull(areasPlace.organisationId)))
			.orderBy(asc(areasPlace.name), asc(areasPlace.id))
			.limit(1);
		if (!house) throw new InvalidError({ areaId: 'error_choice' });
		// A person an organisation recorded (then linked to this account) belongs to that organisation:
		// joining another's neighbourhood would put what they say in the first one's queue, unreviewed.
		if (person.organisationId && person.organisationId !== house.organisationId) throw new ConflictError('aid_error_already_member');
		const [grant] = await t.db
			.insert(accessRoleGrant)
			.values({ personId, role: 'resident', organisationId: house.organisationId!, areaId: input.areaId, reviewed: false })
			.returning();
		if (!person.areaId) await t.db.update(peoplePerson).set({ areaId: input.areaId, updatedAt: new Date() }).where(eq(peoplePerson.id, personId));
		await audit(t, {
			action: 'create',
			entity: 'access_role_grant',
			entityId: grant!.id,
			details: { role: 'resident', selfService: true, organisationId: house.organisationId, areaId: input.areaId }
		});
		return grant!;
	});
}

async function needInScope(ctx: Ctx, id: string) {
	const [need] = await ctx.db.select().from(aidNeed).where(eq(aidNeed.id, id));
	// Out of scope answers as unknown: no hint that the id exists elsewhere.
	if (!need || !can(ctx.actor, 'aid.need.read', { organisationId: need.organisationId, areaId: need.areaId })) throw new NotFoundError();
	requirePermission(ctx.actor, 'aid.link.manage', { organisationId: need.organisationId, areaId: need.areaId });
	return need;
}

/**
 * A facilitator of the need's neighbourhood has looked at a need to review and confirms the person:
 * their grants in that organisation are reviewed from now on, the need is open for matching, and
 * their offers waiting there become active.
 */
export async function confirmNeed(ctx: Ctx, raw: { id: string }) {
	requirePermission(ctx.actor, 'aid.link.manage');
	const { id } = parseInput(needIdInput, raw);
	const found = await needInScope(ctx, id);
	return inTransaction({ ...ctx, onBehalfOfPersonId: found.personId }, async (t) => {
		const [need] = await t.db.select().from(aidNeed).where(eq(aidNeed.id, id)).for('update');
		if (need!.status !== 'review') throw new ConflictError('aid_error_not_in_review');
		await confirmPerson(t, need!.personId, need!.organisationId);
		return { ...need!, status: 'open' as const };
	});
}

/** The same for someone who only offered help: confirmed from the queue's list of offers to review. */
export async function confirmOffer(ctx: Ctx, raw: { id: string }) {
	requirePermission(ctx.actor, 'aid.link.manage');
	const { id } = parseInput(needIdInput, raw);
	const [found] = await ctx.db.select().from(aidOffer).where(eq(aidOffer.id, id));
	if (!found || !can(ctx.actor, 'aid.need.read', { organisationId: found.organisationId, areaId: found.areaId })) throw new NotFoundError();
	requirePermission(ctx.actor, 'aid.link.manage', { organisationId: found.organisationId, areaId: found.areaId });
	return inTransaction({ ...ctx, onBehalfOfPersonId: found.personId }, async (t) => {
		const [offer] = await t.db.select().from(aidOffer).where(eq(aidOffer.id, id)).for('update');
		if (offer!.status !== 'review') throw new ConflictError('aid_error_not_in_review');
		await confirmPerson(t, offer!.personId, offer!.organisationId);
		return { ...offer!, status: 'active' as const };
	});
}

/** The person's grants in the organisation become reviewed; their needs there open, their offers active. */
async function confirmPerson(t: TxCtx, personId: string, organisationId: string) {
	const grants = await t.db
		.update(accessRoleGrant)
		.set({ reviewed: true })
		.where(and(eq(accessRoleGrant.personId, personId), eq(accessRoleGrant.organisationId, organisationId), eq(accessRoleGrant.reviewed, false)))
		.returning({ id: accessRoleGrant.id });
	for (const g of grants) await audit(t, { action: 'update', entity: 'access_role_grant', entityId: g.id, details: { reviewed: true } });
	const needs = await t.db
		.update(aidNeed)
		.set({ status: 'open', updatedAt: new Date() })
		.where(and(eq(aidNeed.personId, personId), eq(aidNeed.organisationId, organisationId), eq(aidNeed.status, 'review')))
		.returning({ id: aidNeed.id });
	for (const n of needs) await audit(t, { action: 'update', entity: 'aid_need', entityId: n.id, details: { from: 'review', to: 'open' } });
	const offers = await t.db
		.update(aidOffer)
		.set({ status: 'active', updatedAt: new Date() })
		.where(and(eq(aidOffer.personId, personId), eq(aidOffer.organisationId, organisationId), eq(aidOffer.status, 'review')))
		.returning({ id: aidOffer.id });
	for (const o of offers) await audit(t, { action: 'update', entity: 'aid_offer', entityId: o.id, details: { from: 'review', to: 'active' } });
}

/** Offers waiting for review in the actor's scope (the queue lists them: someone may offer without asking). */
export async function offersToReview(ctx: Ctx, areaId?: string | null) {
	if (!holds(ctx.actor, 'aid.link.manage')) return [];
	return ctx.db
		.select({
			id: aidOffer.id,
			title: aidOffer.title,
			category: aidOffer.category,
			firstName: peoplePerson.firstName,
			areaName: areasArea.name,
			personId: aidOffer.personId
		})
		.from(aidOffer)
		.innerJoin(peoplePerson, eq(peoplePerson.id, aidOffer.personId))
		.innerJoin(areasArea, eq(areasArea.id, aidOffer.areaId))
		.where(
			and(
				eq(aidOffer.status, 'review'),
				scopeFilter(ctx.actor, 'aid.link.manage', { organisation: aidOffer.organisationId, area: aidOffer.areaId }),
				areaId ? eq(aidOffer.areaId, areaId) : undefined
			)
		)
		.orderBy(asc(aidOffer.createdAt), asc(aidOffer.id))
		.limit(50);
}

/**
 * A facilitator closes a need as the same as another one, with a reason the person reads on their
 * page. Only a need nobody has taken on (to review or open, no link under way): one with a link is
 * ended through the link first.
 */
export async function closeNeedAsDuplicate(ctx: Ctx, raw: { id: string; reason: string }) {
	requirePermission(ctx.actor, 'aid.link.manage');
	const input = parseInput(duplicateNeedInput, raw);
	const found = await needInScope(ctx, input.id);
	return inTransaction({ ...ctx, onBehalfOfPersonId: found.personId }, async (t) => {
		const [need] = await t.db.select().from(aidNeed).where(eq(aidNeed.id, input.id)).for('update');
		if (need!.status !== 'open' && need!.status !== 'review') throw new ConflictError('aid_error_need_not_open');
		const [open] = await t.db
			.select({ id: aidLink.id })
			.from(aidLink)
			.where(and(eq(aidLink.needId, need!.id), inArray(aidLink.status, [...OPEN_LINK_STATUSES])))
			.limit(1);
		if (open) throw new ConflictError('aid_error_need_has_links');
		const [row] = await t.db
			.update(aidNeed)
			.set({ status: 'duplicate', statusReason: input.reason, updatedAt: new Date() })
			.where(eq(aidNeed.id, need!.id))
			.returning();
		await audit(t, {
			action: 'update',
			entity: 'aid_need',
			entityId: need!.id,
			reason: input.reason,
			details: { from: need!.status, to: 'duplicate' }
		});
		return row!;
	});
}
