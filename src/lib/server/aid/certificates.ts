import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { audit, type Ctx, inTransaction, NotFoundError, parseInput } from '../core/index.ts';
import { can, type PermissionName, requirePermission } from '../access/index.ts';
import { authUser } from '../auth/index.ts';
import { peoplePerson } from '../people/index.ts';
import { aidCertificate } from './schema.ts';
import { certificateInput, type CertificateInput } from './validation.ts';

// Good-conduct certificates: a facilitator saw the paper and records the dates, never the document.
// Matching reads them (a safeguarded need is only matched to someone with one valid that day).

const CHECK = 'aid.certificate.check' satisfies PermissionName;
const HISTORY_LIMIT = 50;

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
export async function recordCertificate(ctx: Ctx, raw: CertificateInput) {
	requirePermission(ctx.actor, CHECK);
	const input = parseInput(certificateInput, raw);
	const person = await personInScope(ctx, input.personId);
	return inTransaction(ctx, async (t) => {
		const [row] = await t.db
			.insert(aidCertificate)
			.values({ personId: person.id, checkedOn: input.checkedOn, validUntil: input.validUntil, checkedByUserId: ctx.actor.userId })
			.returning();
		await audit(t, {
			action: 'create',
			entity: 'aid_certificate',
			entityId: row!.id,
			details: { personId: person.id, checkedOn: input.checkedOn, validUntil: input.validUntil }
		});
		return row!;
	});
}

/** The certificate that counts for matching: the one valid the longest (matching takes the latest end). */
export async function latestCertificate(ctx: Ctx, personId: string) {
	requirePermission(ctx.actor, CHECK);
	await personInScope(ctx, personId);
	const [row] = await ctx.db
		.select({ id: aidCertificate.id, checkedOn: aidCertificate.checkedOn, validUntil: aidCertificate.validUntil })
		.from(aidCertificate)
		.where(eq(aidCertificate.personId, personId))
		.orderBy(desc(aidCertificate.validUntil), desc(aidCertificate.createdAt))
		.limit(1);
	return row ?? null;
}

/** Every check recorded for a person, newest first, with who checked (null once that account is gone). */
export async function certificateHistory(ctx: Ctx, personId: string) {
	requirePermission(ctx.actor, CHECK);
	await personInScope(ctx, personId);
	return ctx.db
		.select({
			id: aidCertificate.id,
			checkedOn: aidCertificate.checkedOn,
			validUntil: aidCertificate.validUntil,
			checkedByName: authUser.name,
			checkedByEmail: authUser.email,
			recordedAt: aidCertificate.createdAt
		})
		.from(aidCertificate)
		.leftJoin(authUser, eq(authUser.id, aidCertificate.checkedByUserId))
		.where(eq(aidCertificate.personId, personId))
		.orderBy(desc(aidCertificate.checkedOn), desc(aidCertificate.createdAt), desc(aidCertificate.id))
		.limit(HISTORY_LIMIT);
}
