import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { InvalidError, NotFoundError, defineVerb, type Ctx } from '../core/index.ts';
import { covers, grantsHolding, permission, scopeFilter } from '../access/index.ts';
import { authUser } from '../auth/index.ts';
import {
	consentAllowsUse,
	consentGiven,
	consentState,
	peopleConsent,
	peopleOrganisation,
	peoplePerson,
	peoplePurpose,
	type ConsentState
} from '../people/index.ts';
import { networkPartner } from '../network/index.ts';
import { fieldworkContact, fieldworkReferral, fieldworkReferralEvent, type ReferralStatus } from './schema.ts';
import { referralClass, referralStepProblem, type ReferralStep } from './referral-status.ts';
import { mayMoveQuestion } from './question-status.ts';
import { changeQuestionStatus, questionInScope } from './questions.ts';
import { createReferralInput, referralPreviewInput, updateReferralInput } from './questions-validation.ts';

// Referrals ("toeleiding"): a worker sends a person to a partner (the welfare office) and follows
// whether they arrived and were helped. What the partner gets is minimal and shown before sending; it
// needs the person's consent for sharing with that partner, or a reason recorded by the worker.

const MANAGE = 'fieldwork.referral.manage' as const;

type Person = { id: string; firstName: string; organisationId: string; areaId: string | null };

/** The person when the actor's grant holding referral.manage covers them; otherwise the 404 of an unknown id. */
async function personInScope(ctx: Ctx, personId: string): Promise<Person> {
	const [p] = await ctx.db
		.select({ id: peoplePerson.id, firstName: peoplePerson.firstName, organisationId: peoplePerson.organisationId, areaId: peoplePerson.areaId })
		.from(peoplePerson)
		.where(eq(peoplePerson.id, personId));
	if (!p?.organisationId || !grantsHolding(ctx.actor, MANAGE).some((g) => covers(g, p))) throw new NotFoundError();
	return { ...p, organisationId: p.organisationId };
}

/** A partner of the person's own organisation; another organisation's partner is out of reach (the same answer as none). */
async function partnerFor(ctx: Ctx, person: Person, partnerId: string) {
	const [partner] = await ctx.db
		.select({ id: networkPartner.id, name: networkPartner.name, organisationId: networkPartner.organisationId })
		.from(networkPartner)
		.where(eq(networkPartner.id, partnerId));
	if (!partner || partner.organisationId !== person.organisationId) throw new InvalidError({ partnerId: 'fw_referral_error_partner' });
	return partner;
}

export type SharingConsent = ConsentState | 'no_purpose';

/**
 * The person's answer for sharing with this partner: the organisation's share_partner purpose for it
 * (none: 'no_purpose', nothing may be shared without an override) and the latest answer on it.
 */
async function sharingConsent(ctx: Ctx, person: Person, partnerId: string): Promise<{ state: SharingConsent; allowed: boolean }> {
	const [purpose] = await ctx.db
		.select({
			id: peoplePurpose.id,
			lawfulBasis: peoplePurpose.lawfulBasis,
			active: peoplePurpose.active,
			organisationBasis: peopleOrganisation.lawfulBasis
		})
		.from(peoplePurpose)
		.innerJoin(peopleOrganisation, eq(peopleOrganisation.id, peoplePurpose.organisationId))
		.where(
			and(eq(peoplePurpose.organisationId, person.organisationId), eq(peoplePurpose.code, 'share_partner'), eq(peoplePurpose.partnerId, partnerId))
		);
	if (!purpose?.active) return { state: 'no_purpose', allowed: false };
	const history = await ctx.db
		.select({ given: peopleConsent.given, recordedAt: peopleConsent.recordedAt, version: peopleConsent.version })
		.from(peopleConsent)
		.where(and(eq(peopleConsent.personId, person.id), eq(peopleConsent.purposeId, purpose.id)));
	return {
		state: consentState(purpose, purpose.organisationBasis, history),
		allowed: consentAllowsUse(purpose, purpose.organisationBasis, history)
	};
}

/**
 * Exactly what goes to the partner: the first name, the question's title, and how to reach the person
 * only when they agreed to be contacted (the 'contact' purpose). Nothing else leaves the organisation.
 */
async function sharedWith(ctx: Ctx, person: Person, questionTitle: string | null): Promise<Record<string, string>> {
	const [row] = await ctx.db
		.select({ phone: peoplePerson.phone, email: peoplePerson.email, contact: consentGiven('contact', peoplePerson.id) })
		.from(peoplePerson)
		.where(eq(peoplePerson.id, person.id));
	const shared: Record<string, string> = { firstName: person.firstName };
	if (questionTitle) shared.question = questionTitle;
	if (row?.contact) {
		if (row.phone) shared.phone = row.phone;
		if (row.email) shared.email = row.email;
	}
	return shared;
}

async function prepare(ctx: Ctx, input: { personId: string; partnerId: string; questionId?: string }) {
	const person = await personInScope(ctx, input.personId);
	const question = input.questionId ? await questionInScope(ctx, input.questionId, true) : null;
	if (question?.personId && question.personId !== person.id) throw new InvalidError({ questionId: 'fw_referral_error_question_person' });
	const partner = await partnerFor(ctx, person, input.partnerId);
	const consent = await sharingConsent(ctx, person, partner.id);
	const shared = await sharedWith(ctx, person, question?.title ?? null);
	return { person, question, partner, consent, shared };
}

/** What the partner will receive, and whether consent allows it, before the worker sends the referral. */
export const referralPreview = defineVerb({
	name: 'fieldwork.referral.preview',
	summary: 'What a referral would share with the partner, and the person’s consent for it',
	permission: permission(MANAGE),
	input: referralPreviewInput,
	writes: false,
	access: (ctx, input) => prepare(ctx, input),
	run: async (_ctx, _input, p) => ({
		partner: { id: p.partner.id, name: p.partner.name },
		shared: p.shared,
		consent: p.consent.state,
		consentAllows: p.consent.allowed,
		question: p.question ? { id: p.question.id, title: p.question.title, status: p.question.status } : null
	})
});

export const createReferral = defineVerb({
	name: 'fieldwork.referral.create',
	summary: 'Refer a person to a partner organisation: shares the minimum, needs consent or a recorded reason',
	permission: permission(MANAGE),
	input: createReferralInput,
	writes: true,
	access: async (ctx, input) => {
		const p = await prepare(ctx, input);
		if (input.contactId) {
			const [c] = await ctx.db
				.select({ organisationId: fieldworkContact.organisationId, areaId: fieldworkContact.areaId })
				.from(fieldworkContact)
				.where(eq(fieldworkContact.id, input.contactId));
			if (!c || !grantsHolding(ctx.actor, MANAGE).some((g) => covers(g, c))) throw new NotFoundError();
		}
		// Without consent the worker must say why they refer anyway (and is named for it); nothing is written otherwise.
		if (!p.consent.allowed && !input.overrideReason) throw new InvalidError({ overrideReason: 'fw_referral_error_no_consent' });
		if (p.question && !mayMoveQuestion(p.question.status, 'referred')) throw new InvalidError({ questionId: 'fw_referral_error_question_status' });
		return p;
	},
	run: async (ctx, input, p) => {
		const override = !p.consent.allowed && input.overrideReason ? input.overrideReason : null;
		const [row] = await ctx.db
			.insert(fieldworkReferral)
			.values({
				organisationId: p.person.organisationId,
				areaId: p.person.areaId,
				personId: p.person.id,
				questionId: p.question?.id ?? null,
				contactId: input.contactId ?? null,
				partnerId: p.partner.id,
				overrideReason: override,
				overrideByUserId: override ? ctx.actor.userId : null,
				shared: p.shared,
				createdByUserId: ctx.actor.userId
			})
			.returning({ id: fieldworkReferral.id, status: fieldworkReferral.status });
		await ctx.db.insert(fieldworkReferralEvent).values({ referralId: row!.id, fromStatus: null, toStatus: 'referred', byUserId: ctx.actor.userId });
		if (p.question) await changeQuestionStatus(ctx, p.question, 'referred');
		return { id: row!.id, status: row!.status, override: override !== null, personId: p.person.id };
	},
	audit: (input, out) => ({
		action: 'create',
		entity: 'fieldwork_referral',
		entityId: out.id,
		onBehalfOfPersonId: out.personId,
		reason: out.override ? (input.overrideReason ?? null) : null,
		details: { partnerId: input.partnerId, consentOverride: out.override }
	})
});

type ReferralRow = typeof fieldworkReferral.$inferSelect;

/**
 * Moves a referral one step (refused steps and a missing reason are a 422 naming the field), with its
 * event row, in the verb's transaction; closing stamps closed_at.
 */
export async function changeReferralStatus(ctx: Ctx, referral: Pick<ReferralRow, 'id' | 'status'>, step: ReferralStep, note?: string | null) {
	const problem = referralStepProblem(referral.status, step);
	if (problem) throw new InvalidError(problem);
	const now = new Date();
	const notHelped = step.to === 'not_helped';
	await ctx.db
		.update(fieldworkReferral)
		.set({
			status: step.to,
			reason: notHelped ? step.reason : null,
			reasonText: notHelped && step.reason === 'other' ? (step.reasonText?.trim() ?? null) : null,
			closedAt: referralClass(step.to) === 'closed' ? now : null,
			updatedAt: now
		})
		.where(eq(fieldworkReferral.id, referral.id));
	await ctx.db
		.insert(fieldworkReferralEvent)
		.values({ referralId: referral.id, fromStatus: referral.status, toStatus: step.to, byUserId: ctx.actor.userId, at: now, note: note ?? null });
}

async function referralInScope(ctx: Ctx, id: string, lock = false) {
	const q = ctx.db.select().from(fieldworkReferral).where(eq(fieldworkReferral.id, id));
	const [row] = lock ? await q.for('update') : await q;
	if (!row || !grantsHolding(ctx.actor, MANAGE).some((g) => covers(g, row))) throw new NotFoundError();
	return row;
}

export const updateReferral = defineVerb({
	name: 'fieldwork.referral.update',
	summary: 'Take a referral one step further (accepted, arrived, helped or not helped with a reason; rejected, revoked)',
	permission: permission(MANAGE),
	input: updateReferralInput,
	writes: true,
	access: (ctx, { id }) => referralInScope(ctx, id, true),
	run: async (ctx, input, referral) => {
		await changeReferralStatus(ctx, referral, { to: input.status, reason: input.reason, reasonText: input.reasonText }, input.note);
		return { id: referral.id, status: input.status as ReferralStatus, from: referral.status };
	},
	audit: (input, out) => ({
		action: 'update',
		entity: 'fieldwork_referral',
		entityId: out.id,
		details: { from: out.from, to: out.status, reason: input.reason ?? null }
	})
});

const referralColumns = {
	id: fieldworkReferral.id,
	status: fieldworkReferral.status,
	statusClass: fieldworkReferral.statusClass,
	reason: fieldworkReferral.reason,
	reasonText: fieldworkReferral.reasonText,
	partnerId: fieldworkReferral.partnerId,
	partnerName: networkPartner.name,
	personId: fieldworkReferral.personId,
	personFirstName: peoplePerson.firstName,
	questionId: fieldworkReferral.questionId,
	organisationId: fieldworkReferral.organisationId,
	areaId: fieldworkReferral.areaId,
	createdAt: fieldworkReferral.createdAt,
	closedAt: fieldworkReferral.closedAt
};

/** The actor's own referrals in scope: those waiting for an outcome first, then the newest. */
export const listReferrals = defineVerb({
	name: 'fieldwork.referral.list',
	summary: 'The caller’s referrals, those waiting for an outcome first',
	permission: permission(MANAGE),
	input: z.object({}).default({}),
	writes: false,
	access: (ctx) => scopeFilter(ctx.actor, MANAGE, { organisation: fieldworkReferral.organisationId, area: fieldworkReferral.areaId }),
	run: (ctx, _input, scope) =>
		ctx.db
			.select(referralColumns)
			.from(fieldworkReferral)
			.innerJoin(peoplePerson, eq(peoplePerson.id, fieldworkReferral.personId))
			.leftJoin(networkPartner, eq(networkPartner.id, fieldworkReferral.partnerId))
			.where(and(scope, eq(fieldworkReferral.createdByUserId, ctx.actor.userId!)))
			.orderBy(desc(sql`${fieldworkReferral.statusClass} = 'open'`), desc(fieldworkReferral.createdAt))
			.limit(500)
});

/**
 * The actor's own referrals as a funnel: how many were referred, and how many of those got at least
 * as far as accepted, arrived, and the outcome ("referred 12, arrived 9, helped 7").
 */
export const referralCounts = defineVerb({
	name: 'fieldwork.referral.counts',
	summary: 'How many of the caller’s referrals were referred, accepted, arrived, helped and not helped',
	permission: permission(MANAGE),
	input: z.object({}).default({}),
	writes: false,
	access: (ctx) => scopeFilter(ctx.actor, MANAGE, { organisation: fieldworkReferral.organisationId, area: fieldworkReferral.areaId }),
	run: async (ctx, _input, scope) => {
		const s = fieldworkReferral.status;
		const [row] = await ctx.db
			.select({
				referred: sql<number>`count(*)::int`,
				accepted: sql<number>`(count(*) filter (where ${s} in ('accepted', 'arrived', 'helped', 'not_helped')))::int`,
				arrived: sql<number>`(count(*) filter (where ${s} in ('arrived', 'helped', 'not_helped')))::int`,
				helped: sql<number>`(count(*) filter (where ${s} = 'helped'))::int`,
				notHelped: sql<number>`(count(*) filter (where ${s} = 'not_helped'))::int`
			})
			.from(fieldworkReferral)
			.where(and(scope, eq(fieldworkReferral.createdByUserId, ctx.actor.userId!)));
		return row!;
	}
});

/** One referral with what was shared and its history (who and when). */
export const getReferral = defineVerb({
	name: 'fieldwork.referral.read',
	summary: 'One referral with what was shared and the history of its steps',
	permission: permission(MANAGE),
	input: z.object({ id: z.uuid('error_not_found') }),
	writes: false,
	access: (ctx, { id }) => referralInScope(ctx, id),
	run: async (ctx, _input, referral) => {
		const [[row], history] = await Promise.all([
			ctx.db
				.select({ ...referralColumns, shared: fieldworkReferral.shared, overrideReason: fieldworkReferral.overrideReason })
				.from(fieldworkReferral)
				.innerJoin(peoplePerson, eq(peoplePerson.id, fieldworkReferral.personId))
				.leftJoin(networkPartner, eq(networkPartner.id, fieldworkReferral.partnerId))
				.where(eq(fieldworkReferral.id, referral.id)),
			ctx.db
				.select({
					fromStatus: fieldworkReferralEvent.fromStatus,
					toStatus: fieldworkReferralEvent.toStatus,
					at: fieldworkReferralEvent.at,
					note: fieldworkReferralEvent.note,
					byName: authUser.name
				})
				.from(fieldworkReferralEvent)
				.leftJoin(authUser, eq(authUser.id, fieldworkReferralEvent.byUserId))
				.where(eq(fieldworkReferralEvent.referralId, referral.id))
				.orderBy(asc(fieldworkReferralEvent.at), asc(fieldworkReferralEvent.id))
		]);
		return { ...row!, history };
	}
});

/** The partners a person may be referred to (their organisation's), those whose themes include `theme` first. */
export const referralPartners = defineVerb({
	name: 'fieldwork.referral.partners',
	summary: 'The partners a person may be referred to, those working on the question’s theme first',
	permission: permission(MANAGE),
	input: z.object({ personId: z.uuid('error_not_found'), theme: z.string().max(40).optional() }),
	writes: false,
	access: (ctx, { personId }) => personInScope(ctx, personId),
	run: async (ctx, { theme }, person) => {
		const rows = await ctx.db
			.select({ id: networkPartner.id, name: networkPartner.name, themes: networkPartner.themes })
			.from(networkPartner)
			.where(eq(networkPartner.organisationId, person.organisationId))
			.orderBy(asc(networkPartner.name));
		const fits = (p: (typeof rows)[number]) => (theme ? (p.themes as string[]).includes(theme) : false);
		return {
			person: { id: person.id, firstName: person.firstName },
			partners: [...rows.filter(fits), ...rows.filter((p) => !fits(p))].map((p) => ({ ...p, fits: fits(p) }))
		};
	}
});
