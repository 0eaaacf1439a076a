import { Column, and, asc, eq, getTableName, inArray, is, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { InvalidError, NotFoundError, defineVerb, type Ctx } from '../core/index.ts';
import { inScope, permission, type ScopedPermission } from '../access/index.ts';
import { authUser } from '../auth/index.ts';
import type { Db } from '../db/index.ts';
import { peopleConsent, peopleOrganisation, peoplePerson, peoplePurpose, peoplePurposeText } from './schema.ts';
import { consentState, isAsked, latestEntry, newerTextExists, withdrawalStops, type ConsentMethod, type PurposeCode } from './consent-rules.ts';
import { recordConsentInput, withdrawConsentInput, type ConsentAsked } from './purposes-validation.ts';
import { purposesWithText } from './purposes.ts';

// Consent per person × purpose: a history of rows, the latest one being the person's answer. Help is
// never conditional on it; it gates what a purpose's data is used for (contact, figures, photos…).

/**
 * SQL: whether the person whose id is `personId` lets their organisation use data for `code` now —
 * the purpose is active and either not asked (another lawful basis) or the latest row says given.
 * The same rule as consent-rules.ts mayUse, as one EXISTS, so another module's figures stay one
 * statement (aid/reach.ts JOINs it per link). For share_partner: any of the organisation's partners.
 */
export function consentGiven(code: PurposeCode, personId: AnyPgColumn | SQL): SQL<boolean> {
	// A column is written with its table's name: drizzle leaves it bare in a one-table select, and
	// inside this subquery a bare "id" would be ambiguous. An aliased table is passed as sql`alias.id`.
	const ref = is(personId, Column) ? sql`${sql.identifier(getTableName(personId.table))}.${sql.identifier(personId.name)}` : personId;
	return sql<boolean>`exists (
		select 1 from ${peoplePerson} cg_person
		join ${peoplePurpose} cg_purpose on cg_purpose.organisation_id = cg_person.organisation_id and cg_purpose.code = ${code} and cg_purpose.active
		join ${peopleOrganisation} cg_org on cg_org.id = cg_person.organisation_id
		where cg_person.id = ${ref}
		  and (coalesce(cg_purpose.lawful_basis, cg_org.lawful_basis) <> 'consent'
		       or coalesce((select cg_row.given from ${peopleConsent} cg_row
		                    where cg_row.person_id = cg_person.id and cg_row.purpose_id = cg_purpose.id
		                    order by cg_row.recorded_at desc limit 1), false)))`;
}

// Rows written in one transaction share now(); the wall clock keeps their order (the latest row wins).
const NOW = sql`clock_timestamp()`;

type Person = { id: string; firstName: string; lastName: string | null; organisationId: string | null; areaId: string | null };

/** The person, when the actor's grant for `name` covers them; otherwise the 404 of an unknown id. */
async function personFor(ctx: Ctx, personId: string, name: ScopedPermission, lock = false): Promise<Person & { organisationId: string }> {
	const q = ctx.db
		.select({
			id: peoplePerson.id,
			firstName: peoplePerson.firstName,
			lastName: peoplePerson.lastName,
			organisationId: peoplePerson.organisationId,
			areaId: peoplePerson.areaId
		})
		.from(peoplePerson)
		.where(eq(peoplePerson.id, personId));
	const [row] = lock ? await q.for('update') : await q;
	const person = inScope(ctx.actor, name, row);
	// A record with no organisation has no purposes: only admins reach it, and there is nothing to record.
	if (!person.organisationId) throw new NotFoundError();
	return { ...person, organisationId: person.organisationId };
}

/** The purpose with its organisation's basis, refused (as a field error) unless it is one of the person's organisation. */
async function purposeOf(ctx: Ctx, person: { organisationId: string }, purposeId: string) {
	const [purpose] = await ctx.db
		.select({
			id: peoplePurpose.id,
			organisationId: peoplePurpose.organisationId,
			code: peoplePurpose.code,
			lawfulBasis: peoplePurpose.lawfulBasis,
			active: peoplePurpose.active,
			version: peoplePurpose.version,
			organisationBasis: peopleOrganisation.lawfulBasis
		})
		.from(peoplePurpose)
		.innerJoin(peopleOrganisation, eq(peopleOrganisation.id, peoplePurpose.organisationId))
		.where(eq(peoplePurpose.id, purposeId));
	// Another organisation's purpose and an unknown id get the same answer: nothing is told about it.
	if (!purpose || purpose.organisationId !== person.organisationId) throw new InvalidError({ purposeId: 'consent_error_other_organisation' });
	return purpose;
}

async function latestRow(ctx: Ctx, personId: string, purposeId: string) {
	const rows = await ctx.db
		.select({ given: peopleConsent.given, recordedAt: peopleConsent.recordedAt, version: peopleConsent.version })
		.from(peopleConsent)
		.where(and(eq(peopleConsent.personId, personId), eq(peopleConsent.purposeId, purposeId)))
		.orderBy(asc(peopleConsent.recordedAt));
	return latestEntry(rows);
}

const consentRow = { id: peopleConsent.id, given: peopleConsent.given, version: peopleConsent.version, recordedAt: peopleConsent.recordedAt };

/** Records a person's answer for one purpose (given, or refused), on the purpose's current text. */
export const recordConsent = defineVerb({
	name: 'people.consent.record',
	summary: 'Record that a person gave (or refused) consent for a purpose, and how',
	permission: permission('people.consent.record'),
	input: recordConsentInput,
	writes: true,
	access: async (ctx, input) => {
		const person = await personFor(ctx, input.personId, 'people.consent.record', true);
		const purpose = await purposeOf(ctx, person, input.purposeId);
		if (!purpose.active) throw new InvalidError({ purposeId: 'consent_error_inactive' });
		if (!isAsked(purpose, purpose.organisationBasis)) throw new InvalidError({ purposeId: 'consent_error_not_asked' });
		return { person, purpose };
	},
	run: async (ctx, input, { purpose }) => {
		const [row] = await ctx.db
			.insert(peopleConsent)
			.values({
				personId: input.personId,
				purposeId: purpose.id,
				version: purpose.version,
				given: input.given,
				method: input.method,
				recordedByUserId: ctx.actor.userId,
				recordedAt: NOW
			})
			.returning(consentRow);
		return { ...row!, personId: input.personId, purposeId: purpose.id, method: input.method };
	},
	audit: (input, row, { purpose }) => ({
		action: 'create',
		entity: 'people_consent',
		entityId: row.id,
		details: { personId: input.personId, purpose: purpose.code, given: input.given, method: input.method, version: row.version }
	})
});

/**
 * Withdraws a given consent. It takes effect at once: every reader asks consentGiven (or mayUse) of
 * the latest row, so what the purpose gated stops with this commit; the retention job removes what
 * was kept only for it. Withdrawing is allowed for an inactive purpose too (a person's right does
 * not lapse with the organisation's use).
 */
export const withdrawConsent = defineVerb({
	name: 'people.consent.withdraw',
	summary: 'Withdraw a person’s consent for a purpose; it takes effect at once',
	permission: permission('people.consent.record'),
	input: withdrawConsentInput,
	writes: true,
	access: async (ctx, input) => {
		const person = await personFor(ctx, input.personId, 'people.consent.record', true);
		const purpose = await purposeOf(ctx, person, input.purposeId);
		if (!isAsked(purpose, purpose.organisationBasis)) throw new InvalidError({ purposeId: 'consent_error_not_asked' });
		const latest = await latestRow(ctx, person.id, purpose.id);
		if (!latest?.given) throw new InvalidError({ purposeId: 'consent_error_not_given' });
		return { person, purpose };
	},
	run: async (ctx, input, { purpose }) => {
		const [row] = await ctx.db
			.insert(peopleConsent)
			.values({
				personId: input.personId,
				purposeId: purpose.id,
				version: purpose.version,
				given: false,
				method: input.method,
				recordedByUserId: ctx.actor.userId,
				recordedAt: NOW
			})
			.returning(consentRow);
		return { ...row!, personId: input.personId, purposeId: purpose.id, method: input.method, stops: withdrawalStops(purpose.code) };
	},
	audit: (input, row, { purpose }) => ({
		action: 'update',
		entity: 'people_consent',
		entityId: row.id,
		details: { personId: input.personId, purpose: purpose.code, given: false, method: input.method, withdrawn: true }
	})
});

/** A person's purposes, answers and history: the consents tab. The read is audited (it tells about origin). */
export const listConsents = defineVerb({
	name: 'people.consent.list',
	summary: 'A person’s consent per purpose of their organisation, with the texts and the history',
	permission: permission('people.person.read'),
	input: z.object({ personId: z.uuid('error_not_found') }),
	writes: false,
	access: (ctx, { personId }) => personFor(ctx, personId, 'people.person.read'),
	run: async (ctx, _input, person) => {
		const [organisation] = await ctx.db
			.select({ lawfulBasis: peopleOrganisation.lawfulBasis })
			.from(peopleOrganisation)
			.where(eq(peopleOrganisation.id, person.organisationId));
		const history = await ctx.db
			.select({
				id: peopleConsent.id,
				purposeId: peopleConsent.purposeId,
				given: peopleConsent.given,
				method: peopleConsent.method,
				version: peopleConsent.version,
				recordedAt: peopleConsent.recordedAt,
				recordedBy: authUser.name,
				texts: peoplePurposeText.texts
			})
			.from(peopleConsent)
			.leftJoin(authUser, eq(authUser.id, peopleConsent.recordedByUserId))
			.leftJoin(
				peoplePurposeText,
				and(eq(peoplePurposeText.purposeId, peopleConsent.purposeId), eq(peoplePurposeText.version, peopleConsent.version))
			)
			.where(eq(peopleConsent.personId, person.id))
			.orderBy(asc(peopleConsent.recordedAt));
		const withRows = new Set(history.map((h) => h.purposeId));
		const purposes = (await purposesWithText(ctx, eq(peoplePurpose.organisationId, person.organisationId))).filter(
			// An inactive purpose is shown only while the person has answers for it.
			(p) => p.active || withRows.has(p.id)
		);
		const basis = organisation!.lawfulBasis;
		return {
			person,
			organisationBasis: basis,
			purposes: purposes.map((p) => {
				const own = history.filter((h) => h.purposeId === p.id);
				const latest = latestEntry(own);
				return {
					...p,
					texts: p.texts ?? {},
					asked: isAsked(p, basis),
					basis: p.lawfulBasis ?? basis,
					state: consentState(p, basis, own),
					latest,
					newerText: newerTextExists(p, latest),
					stops: withdrawalStops(p.code),
					history: own.reverse()
				};
			})
		};
	},
	audit: ({ personId }) => ({ action: 'read', entity: 'people_consent', entityId: personId })
});

/**
 * The consents asked at registration, written with the new person inside registerPerson's
 * transaction. Each must be a purpose of the person's organisation that is active and asked; anything
 * else refuses the whole registration (nothing is written). Returns the codes recorded.
 */
export async function recordRegistrationConsents(
	ctx: Ctx,
	person: { id: string; organisationId: string },
	asked: ConsentAsked[]
): Promise<PurposeCode[]> {
	if (!asked.length) return [];
	const ids = asked.flatMap((a) => (a.purposeId ? [a.purposeId] : []));
	const codes = asked.flatMap((a) => (a.code ? [a.code] : []));
	const purposes = await ctx.db
		.select({
			id: peoplePurpose.id,
			code: peoplePurpose.code,
			lawfulBasis: peoplePurpose.lawfulBasis,
			active: peoplePurpose.active,
			version: peoplePurpose.version,
			partnerId: peoplePurpose.partnerId,
			organisationBasis: peopleOrganisation.lawfulBasis
		})
		.from(peoplePurpose)
		.innerJoin(peopleOrganisation, eq(peopleOrganisation.id, peoplePurpose.organisationId))
		.where(
			and(
				eq(peoplePurpose.organisationId, person.organisationId),
				or(ids.length ? inArray(peoplePurpose.id, ids) : undefined, codes.length ? inArray(peoplePurpose.code, codes) : undefined)
			)
		);
	const rows = new Map<string, { purposeId: string; version: number; method: ConsentMethod; code: PurposeCode }>();
	for (const a of asked) {
		// By code: the organisation's one purpose with that code (a partner's sharing is asked by id).
		const p = purposes.find((x) => (a.purposeId ? x.id === a.purposeId : x.code === a.code && !x.partnerId));
		if (!p) throw new InvalidError({ consents: 'consent_error_other_organisation' });
		if (!p.active) throw new InvalidError({ consents: 'consent_error_inactive' });
		if (!isAsked(p, p.organisationBasis)) throw new InvalidError({ consents: 'consent_error_not_asked' });
		rows.set(p.id, { purposeId: p.id, version: p.version, method: a.method, code: p.code });
	}
	await ctx.db.insert(peopleConsent).values(
		[...rows.values()].map((r) => ({
			personId: person.id,
			purposeId: r.purposeId,
			version: r.version,
			given: true,
			method: r.method,
			recordedByUserId: ctx.actor.userId,
			recordedAt: NOW
		}))
	);
	return [...rows.values()].map((r) => r.code);
}

/** The purposes a registration form offers: those asked in the given organisations, by code. */
export async function askedPurposeCodes(db: Db, organisationIds: string[] | null): Promise<PurposeCode[]> {
	const rows = await db
		.selectDistinct({ code: peoplePurpose.code })
		.from(peoplePurpose)
		.innerJoin(peopleOrganisation, eq(peopleOrganisation.id, peoplePurpose.organisationId))
		.where(
			and(
				eq(peoplePurpose.active, true),
				sql`${peoplePurpose.partnerId} is null`,
				sql`coalesce(${peoplePurpose.lawfulBasis}, ${peopleOrganisation.lawfulBasis}) = 'consent'`,
				organisationIds ? inArray(peoplePurpose.organisationId, organisationIds) : undefined
			)
		)
		.orderBy(asc(peoplePurpose.code));
	return rows.map((r) => r.code);
}

/**
 * For the demo seed and the city-scale seed: a given consent for `code` in the person's organisation,
 * as if spoken at office hours (the seeds write people directly, not through registerPerson).
 */
export async function seedConsent(db: Db, personIds: string[], code: PurposeCode, byUserId: string | null = null): Promise<void> {
	if (!personIds.length) return;
	await db.execute(sql`
		insert into ${peopleConsent} (person_id, purpose_id, version, given, method, recorded_by_user_id, recorded_at)
		select p.id, u.id, u.version, true, 'spoken', ${byUserId}, p.created_at
		from ${peoplePerson} p join ${peoplePurpose} u on u.organisation_id = p.organisation_id and u.code = ${code} and u.partner_id is null
		where p.id = any(${sql.param(personIds)}::uuid[])`);
}
