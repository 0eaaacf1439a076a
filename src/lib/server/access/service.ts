import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../core/index.ts';
import { inTransaction } from '../core/index.ts';
import { audit } from '../core/index.ts';
import { ConflictError, NotFoundError } from '../core/index.ts';
import { coreAudit } from '../core/index.ts';
import { peopleOrganisation, peoplePerson } from '../people/index.ts';
import { areasArea } from '../areas/index.ts';
import { accessRoleGrant } from './schema.ts';
import { requirePermission } from './can.ts';
import type { GrantRoleInput } from './validation.ts';

export async function grantRole(ctx: Ctx, input: GrantRoleInput) {
	requirePermission(ctx.actor, 'admin.role.grant');
	return inTransaction(ctx, async (t) => {
		const [person] = await t.db.select({ id: peoplePerson.id }).from(peoplePerson).where(eq(peoplePerson.id, input.personId));
		const [org] = await t.db.select({ id: peopleOrganisation.id }).from(peopleOrganisation).where(eq(peopleOrganisation.id, input.organisationId));
		if (!person || !org) throw new NotFoundError();
		if (input.areaId) {
			const [area] = await t.db.select({ id: areasArea.id }).from(areasArea).where(eq(areasArea.id, input.areaId));
			if (!area) throw new NotFoundError();
		}
		const [row] = await t.db
			.insert(accessRoleGrant)
			.values({ ...input, areaId: input.areaId ?? null })
			.onConflictDoNothing()
			.returning();
		if (!row) throw new ConflictError('error_role_exists');
		await audit(t, { action: 'create', entity: 'access_role_grant', entityId: row.id, details: { role: row.role } });
		return row;
	});
}

export async function revokeRole(ctx: Ctx, grantId: string) {
	requirePermission(ctx.actor, 'admin.role.grant');
	return inTransaction(ctx, async (t) => {
		const [row] = await t.db.delete(accessRoleGrant).where(eq(accessRoleGrant.id, grantId)).returning();
		if (!row) throw new NotFoundError();
		await audit(t, { action: 'delete', entity: 'access_role_grant', entityId: row.id, details: { role: row.role } });
		return row;
	});
}

export async function listGrants(ctx: Ctx, personId?: string) {
	requirePermission(ctx.actor, 'admin.role.grant');
	const q = ctx.db
		.select({
			id: accessRoleGrant.id,
			personId: accessRoleGrant.personId,
			role: accessRoleGrant.role,
			organisation: peopleOrganisation.name,
			area: areasArea.name
		})
		.from(accessRoleGrant)
		.innerJoin(peopleOrganisation, eq(peopleOrganisation.id, accessRoleGrant.organisationId))
		.leftJoin(areasArea, eq(areasArea.id, accessRoleGrant.areaId));
	return (personId ? q.where(eq(accessRoleGrant.personId, personId)) : q).orderBy(accessRoleGrant.role);
}

export async function listAudit(ctx: Ctx, opts: { entity?: string; limit?: number } = {}) {
	requirePermission(ctx.actor, 'audit.read');
	const q = ctx.db.select().from(coreAudit);
	return (opts.entity ? q.where(and(eq(coreAudit.entity, opts.entity))) : q)
		.orderBy(desc(coreAudit.id))
		.limit(Math.min(Math.max(opts.limit ?? 100, 1), 500));
}
