import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { NotFoundError, after, decodeCursor, defineVerb, pageFields, pageOf, type Ctx } from '../core/index.ts';
import { can, permission, type PermissionName } from '../access/index.ts';
import { authUser } from '../auth/index.ts';
import { peoplePerson } from '../people/index.ts';
import { aidCertificate } from './schema.ts';
import { certificateInput } from './validation.ts';

// Good-conduct certificates: a facilitator saw the paper and records the dates, never the document.
// Matching reads them (a safeguarded need is only matched to someone with one valid that day).

const CHECK = 'aid.certificate.check' satisfies PermissionName;

/**
 * The person, when the actor may check certificates where that person is registered. Anyone else
 * gets "not found", as on the person page: a person's existence is not told outside their house.
 */
async function personInScope(ctx: Ctx, personId: string) {
	if (!z.uuid().safeParse(personId).success) throw new NotFoundError();
	const [p] = await ctx.db
		.select({ id: peoplePerson.id, organisationId: peoplePerson.organisationId, areaId: peoplePerson.areaId })
		.from(peoplePerson)
		.where(eq(peoplePerson.id, personId));
	if (!p) throw new NotFoundError();
	if (!can(ctx.actor, CHECK, p)) throw new NotFoundError();
	return p;
}

/** Records a check: the day the facilitator saw the certificate and the day it stops counting. */
export const recordCertificate = defineVerb({
	name: 'aid.certificate.record',
	summary: 'Record that a facilitator checked a person’s good-conduct certificate: the dates only, never the document',
	permission: permission(CHECK),
	input: certificateInput,
	writes: true,
	access: (ctx, input) => personInScope(ctx, input.personId),
	run: async (ctx, input, person) => {
		const [row] = await ctx.db
			.insert(aidCertificate)
			.values({ personId: person.id, checkedOn: input.checkedOn, validUntil: input.validUntil, checkedByUserId: ctx.actor.userId })
			.returning();
		return row!;
	},
	audit: (_input, row) => ({
		action: 'create',
		entity: 'aid_certificate',
		entityId: row.id,
		details: { personId: row.personId, checkedOn: row.checkedOn, validUntil: row.validUntil }
	})
});

const personIdInput = z.object({ personId: z.uuid('error_not_found') });

/** The certificate that counts for matching: the one valid the longest (matching takes the latest end). */
export const latestCertificate = defineVerb({
	name: 'aid.certificate.latest',
	summary: 'The good-conduct certificate check that counts for matching: the one valid the longest',
	permission: permission(CHECK),
	input: personIdInput,
	writes: false,
	access: (ctx, input) => personInScope(ctx, input.personId),
	run: async (ctx, _input, person) => {
		const [row] = await ctx.db
			.select({ id: aidCertificate.id, checkedOn: aidCertificate.checkedOn, validUntil: aidCertificate.validUntil })
			.from(aidCertificate)
			.where(eq(aidCertificate.personId, person.id))
			.orderBy(desc(aidCertificate.validUntil), desc(aidCertificate.createdAt))
			.limit(1);
		return row ?? null;
	}
});

/** One recorded check, for whoever may check certificates where its person is registered (else a 404). */
export const getCertificate = defineVerb({
	name: 'aid.certificate.get',
	summary: 'One recorded good-conduct certificate check (its dates)',
	permission: permission(CHECK),
	input: z.object({ id: z.uuid('error_not_found') }),
	writes: false,
	access: async (ctx, { id }) => {
		const [row] = await ctx.db.select().from(aidCertificate).where(eq(aidCertificate.id, id));
		if (!row) throw new NotFoundError();
		await personInScope(ctx, row.personId);
		return row;
	},
	run: async (_ctx, _input, row) => ({ id: row.id, personId: row.personId, checkedOn: row.checkedOn, validUntil: row.validUntil })
});

/**
 * Every check recorded for a person, newest first, with who checked (null once that account is gone),
 * paged by (day checked, time recorded, id).
 */
export const certificateHistory = defineVerb({
	name: 'aid.certificate.history',
	summary: 'Every good-conduct certificate check recorded for a person, newest first',
	permission: permission(CHECK),
	input: personIdInput.extend(pageFields),
	writes: false,
	access: (ctx, input) => personInScope(ctx, input.personId),
	run: async (ctx, q, person) => {
		const key = q.cursor ? decodeCursor(q.cursor, ['string', 'string', 'string']) : null;
		const rows = await ctx.db
			.select({
				id: aidCertificate.id,
				checkedOn: aidCertificate.checkedOn,
				validUntil: aidCertificate.validUntil,
				checkedByName: authUser.name,
				checkedByEmail: authUser.email,
				recordedAt: aidCertificate.createdAt,
				// The cursor's key to the microsecond (a Date keeps milliseconds only).
				sortAt: sql<string>`to_char(${aidCertificate.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
			})
			.from(aidCertificate)
			.leftJoin(authUser, eq(authUser.id, aidCertificate.checkedByUserId))
			.where(
				and(
					eq(aidCertificate.personId, person.id),
					key ? after([aidCertificate.checkedOn, aidCertificate.createdAt, aidCertificate.id], key, 'desc') : undefined
				)
			)
			.orderBy(desc(aidCertificate.checkedOn), desc(aidCertificate.createdAt), desc(aidCertificate.id))
			.limit(q.limit + 1);
		const page = pageOf(rows, q.limit, (r) => [r.checkedOn, r.sortAt, r.id]);
		return { items: page.items.map(({ sortAt: _, ...r }) => r), nextCursor: page.nextCursor };
	}
});
