import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { InvalidError, NotFoundError, defineVerb, type Ctx } from '../core/index.ts';
import { inScope, permission } from '../access/index.ts';
import { peopleOrganisation, peoplePurpose, peoplePurposeText } from './schema.ts';
import { createPurposeInput, textsOf, updatePurposeInput } from './purposes-validation.ts';

// An organisation's purposes (what it keeps personal data for) with the text shown to the person per
// version. Its org-wide coordinators and admins manage them: the organisation is the place, with no area.

const org = peopleOrganisation;
const MANAGE = 'people.purpose.manage';

async function organisationOf(ctx: Ctx, organisationId: string, lock = false) {
	const q = ctx.db.select({ id: org.id, name: org.name, lawfulBasis: org.lawfulBasis }).from(org).where(eq(org.id, organisationId));
	const [row] = lock ? await q.for('update') : await q;
	return inScope(ctx.actor, MANAGE, row && { ...row, organisationId: row.id, areaId: null });
}

const purposeColumns = {
	id: peoplePurpose.id,
	organisationId: peoplePurpose.organisationId,
	code: peoplePurpose.code,
	partnerId: peoplePurpose.partnerId,
	lawfulBasis: peoplePurpose.lawfulBasis,
	categories: peoplePurpose.categories,
	retentionDays: peoplePurpose.retentionDays,
	version: peoplePurpose.version,
	active: peoplePurpose.active,
	texts: peoplePurposeText.texts
};

/** Purposes with the text of their current version: what the purposes page and the consents tab show. */
export function purposesWithText(ctx: Ctx, where: ReturnType<typeof eq>) {
	return ctx.db
		.select(purposeColumns)
		.from(peoplePurpose)
		.leftJoin(peoplePurposeText, and(eq(peoplePurposeText.purposeId, peoplePurpose.id), eq(peoplePurposeText.version, peoplePurpose.version)))
		.where(where)
		.orderBy(asc(peoplePurpose.code), asc(peoplePurpose.createdAt));
}

export const listPurposes = defineVerb({
	name: 'people.purpose.list',
	summary: 'An organisation’s purposes, with their lawful basis, retention and current text',
	permission: permission(MANAGE),
	input: z.object({ organisationId: z.uuid('error_not_found') }),
	writes: false,
	access: (ctx, { organisationId }) => organisationOf(ctx, organisationId),
	run: async (ctx, { organisationId }, organisation) => ({
		organisation: { id: organisation.id, name: organisation.name, lawfulBasis: organisation.lawfulBasis },
		purposes: (await purposesWithText(ctx, eq(peoplePurpose.organisationId, organisationId))).map((p) => ({ ...p, texts: p.texts ?? {} }))
	})
});

type PgFailure = { code?: string; constraint?: string; cause?: PgFailure };

function purposeTaken(e: unknown): never {
	const pg = (e as PgFailure).cause ?? (e as PgFailure);
	if (pg.code === '23505' && pg.constraint?.includes('people_purpose_org_code')) throw new InvalidError({ code: 'consent_error_purpose_exists' });
	if (pg.code === '23503' && pg.constraint?.includes('partner')) throw new InvalidError({ partnerId: 'error_choice' });
	throw e;
}

export const createPurpose = defineVerb({
	name: 'people.purpose.create',
	summary: 'Add a purpose to an organisation, with its text (version 1)',
	permission: permission(MANAGE),
	input: createPurposeInput,
	writes: true,
	access: async (ctx, input) => {
		const organisation = await organisationOf(ctx, input.organisationId);
		// One purpose per named partner; every other purpose has none.
		if ((input.code === 'share_partner') !== !!input.partnerId)
			throw new InvalidError({ partnerId: input.partnerId ? 'error_choice' : 'error_required' });
		if (input.partnerId) {
			// network/'s partner table, read by name: a partner must be this organisation's own.
			const found = await ctx.db.execute(sql`select 1 from network_partner where id = ${input.partnerId} and organisation_id = ${organisation.id}`);
			if (!found.rows.length) throw new InvalidError({ partnerId: 'error_choice' });
		}
		return organisation;
	},
	run: async (ctx, input) => {
		const [row] = await ctx.db
			.insert(peoplePurpose)
			.values({
				organisationId: input.organisationId,
				code: input.code,
				partnerId: input.partnerId ?? null,
				lawfulBasis: input.lawfulBasis ?? null,
				categories: input.categories,
				retentionDays: input.retentionDays,
				active: input.active,
				version: 1
			})
			.returning({ id: peoplePurpose.id, version: peoplePurpose.version })
			.catch(purposeTaken);
		await ctx.db.insert(peoplePurposeText).values({ purposeId: row!.id, version: 1, texts: textsOf(input) });
		return row!;
	},
	audit: (input, row) => ({
		action: 'create',
		entity: 'people_purpose',
		entityId: row.id,
		details: { code: input.code, retentionDays: input.retentionDays }
	})
});

/**
 * Changes a purpose. A changed text is a new version: consents given before keep pointing at the text
 * they were given on, and the consents tab says a newer text exists. The code never changes.
 */
export const updatePurpose = defineVerb({
	name: 'people.purpose.update',
	summary: 'Change a purpose; a changed text makes a new version',
	permission: permission(MANAGE),
	input: updatePurposeInput,
	writes: true,
	access: async (ctx, input) => {
		await organisationOf(ctx, input.organisationId);
		const [purpose] = await purposesWithText(ctx, eq(peoplePurpose.id, input.purposeId)).for('update', { of: peoplePurpose });
		if (!purpose || purpose.organisationId !== input.organisationId) throw new NotFoundError();
		return purpose;
	},
	run: async (ctx, input, before) => {
		const texts = textsOf(input);
		const textChanged = JSON.stringify(Object.entries(texts).sort()) !== JSON.stringify(Object.entries(before.texts ?? {}).sort());
		const version = textChanged ? before.version + 1 : before.version;
		await ctx.db
			.update(peoplePurpose)
			.set({
				lawfulBasis: input.lawfulBasis ?? null,
				categories: input.categories,
				retentionDays: input.retentionDays,
				active: input.active,
				version,
				updatedAt: new Date()
			})
			.where(eq(peoplePurpose.id, input.purposeId));
		if (textChanged) await ctx.db.insert(peoplePurposeText).values({ purposeId: input.purposeId, version, texts });
		return { id: input.purposeId, version, textChanged };
	},
	audit: (input, row, before) => ({
		action: 'update',
		entity: 'people_purpose',
		entityId: row.id,
		details: {
			version: row.version,
			textChanged: row.textChanged,
			before: { lawfulBasis: before.lawfulBasis, retentionDays: before.retentionDays, active: before.active, categories: before.categories }
		}
	})
});
