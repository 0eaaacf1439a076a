import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../core/context.ts';
import { inTransaction } from '../core/context.ts';
import { audit } from '../core/audit.ts';
import { NotFoundError } from '../core/errors.ts';
import { requirePermission } from '../access/can.ts';
import { peoplePerson } from '../people/schema.ts';
import { aidCertificate } from './schema.ts';

// Good-conduct certificates: a facilitator saw the paper and records the dates, never the document.

async function personScope(ctx: Ctx, personId: string) {
	const [p] = await ctx.db.select({ organisationId: peoplePerson.organisationId, areaId: peoplePerson.areaId }).from(peoplePerson).where(eq(peoplePerson.id, personId));
	if (!p) throw new NotFoundError();
	return { organisationId: p.organisationId, areaId: p.areaId };
}

export async function recordCertificate(ctx: Ctx, input: { personId: string; checkedOn: string; validUntil: string }) {
	requirePermission(ctx.actor, 'aid.certificate.check', await personScope(ctx, input.personId));
	return inTransaction(ctx, async (t) => {
		const [row] = await t.db.insert(aidCertificate).values({ ...input, checkedByUserId: ctx.actor.userId }).returning();
		await audit(t, { action: 'create', entity: 'aid_certificate', entityId: row!.id, details: { personId: input.personId, validUntil: input.validUntil } });
		return row!;
	});
}

/** The latest certificate of a person, for the person page (staff with the permission only). */
export async function latestCertificate(ctx: Ctx, personId: string) {
	requirePermission(ctx.actor, 'aid.certificate.check', await personScope(ctx, personId));
	const [row] = await ctx.db
		.select({ checkedOn: aidCertificate.checkedOn, validUntil: aidCertificate.validUntil })
		.from(aidCertificate)
		.where(and(eq(aidCertificate.personId, personId)))
		.orderBy(desc(aidCertificate.validUntil))
		.limit(1);
	return row ?? null;
}
