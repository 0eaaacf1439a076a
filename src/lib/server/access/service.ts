import { and, asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { ConflictError, NotFoundError, after, coreAudit, decodeCursor, defineVerb, pageFields, pageOf } from '../core/index.ts';
import { peopleOrganisation, peoplePerson } from '../people/index.ts';
import { areasArea } from '../areas/index.ts';
import { accessRoleGrant } from './schema.ts';
import { instanceWide, permission } from './door.ts';
import { grantRoleInput, revokeRoleInput } from './validation.ts';

// Roles and the audit log are instance settings: an admin's, whose grant covers every place, so these
// verbs have no scope to narrow (instanceWide); what they name must exist.

export const grantRole = defineVerb({
	name: 'access.role.grant',
	summary: 'Give a person a role in an organisation (and optionally one area)',
	permission: permission('admin.role.grant'),
	input: grantRoleInput,
	writes: true,
	access: async (ctx, input) => {
		const [person] = await ctx.db.select({ id: peoplePerson.id }).from(peoplePerson).where(eq(peoplePerson.id, input.personId));
		const [org] = await ctx.db.select({ id: peopleOrganisation.id }).from(peopleOrganisation).where(eq(peopleOrganisation.id, input.organisationId));
		if (!person || !org) throw new NotFoundError();
		if (input.areaId) {
			const [area] = await ctx.db.select({ id: areasArea.id }).from(areasArea).where(eq(areasArea.id, input.areaId));
			if (!area) throw new NotFoundError();
		}
		return instanceWide();
	},
	run: async (ctx, input) => {
		const [row] = await ctx.db
			.insert(accessRoleGrant)
			.values({ ...input, areaId: input.areaId ?? null })
			.onConflictDoNothing()
			.returning();
		if (!row) throw new ConflictError('error_role_exists');
		return row;
	},
	audit: (_input, row) => ({ action: 'create', entity: 'access_role_grant', entityId: row.id, details: { role: row.role } })
});

export const revokeRole = defineVerb({
	name: 'access.role.revoke',
	summary: 'Take a role back',
	permission: permission('admin.role.grant'),
	input: revokeRoleInput,
	writes: true,
	access: async (ctx, { grantId }) => {
		const [grant] = await ctx.db.select().from(accessRoleGrant).where(eq(accessRoleGrant.id, grantId)).for('update');
		if (!grant) throw new NotFoundError();
		return grant;
	},
	run: async (ctx, _input, grant) => {
		await ctx.db.delete(accessRoleGrant).where(eq(accessRoleGrant.id, grant.id));
		return grant;
	},
	audit: (_input, row) => ({ action: 'delete', entity: 'access_role_grant', entityId: row.id, details: { role: row.role } })
});

/** The grants of one person (or of everyone): a handful each, never cut. */
export const listGrants = defineVerb({
	name: 'access.role.list',
	summary: 'The roles granted, of one person or of everyone',
	permission: permission('admin.role.grant'),
	input: z.object({ personId: z.uuid('error_not_found').optional() }).default({}),
	writes: false,
	access: instanceWide,
	run: (ctx, { personId }) =>
		ctx.db
			.select({
				id: accessRoleGrant.id,
				personId: accessRoleGrant.personId,
				role: accessRoleGrant.role,
				organisation: peopleOrganisation.name,
				area: areasArea.name
			})
			.from(accessRoleGrant)
			.innerJoin(peopleOrganisation, eq(peopleOrganisation.id, accessRoleGrant.organisationId))
			.leftJoin(areasArea, eq(areasArea.id, accessRoleGrant.areaId))
			.where(personId ? eq(accessRoleGrant.personId, personId) : undefined)
			.orderBy(asc(accessRoleGrant.role), asc(accessRoleGrant.id))
});

export const listAuditInput = z.object({ entity: z.string().trim().max(100, 'error_too_long').optional(), ...pageFields }).prefault({});

/** The audit log, newest first, one page at a time. */
export const listAudit = defineVerb({
	name: 'access.audit.list',
	summary: 'The audit log, newest first',
	permission: permission('audit.read'),
	input: listAuditInput,
	writes: false,
	access: instanceWide,
	run: async (ctx, { entity, limit, cursor }) => {
		const rows = await ctx.db
			.select()
			.from(coreAudit)
			.where(
				and(entity ? eq(coreAudit.entity, entity) : undefined, cursor ? after([coreAudit.id], decodeCursor(cursor, ['number']), 'desc') : undefined)
			)
			.orderBy(desc(coreAudit.id))
			.limit(limit + 1);
		return pageOf(rows, limit, (r) => [r.id]);
	}
});
