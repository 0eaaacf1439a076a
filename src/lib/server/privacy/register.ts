import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { ForbiddenError, defineVerb } from '../core/index.ts';
import { can, grantedOrganisations, permission } from '../access/index.ts';
import { DATA_CATEGORIES, peopleOrganisation, peoplePurpose, peoplePurposeText } from '../people/index.ts';
import { locales } from '#lib/paraglide/runtime.js';
import { readersOf, type DataCategory, type Reader } from './categories.ts';

const READ = 'privacy.register.read';

export type RegisterPurpose = {
	id: string;
	code: string;
	/** The text shown to the person, current version, in the asked language (else English, else Dutch). */
	text: string | null;
	version: number;
	/** The purpose's basis, or the organisation's when it states none (`ownBasis` false). */
	lawfulBasis: string;
	ownBasis: boolean;
	categories: DataCategory[];
	/** Null: a configuration error (the server refuses to start while an active purpose has none). */
	retentionDays: number | null;
	active: boolean;
};

export type RegisterOrganisation = {
	id: string;
	name: string;
	kind: string;
	lawfulBasis: string;
	purposes: RegisterPurpose[];
	/** Every category of personal data with the roles that may read it, from the permission registry. */
	readers: { category: DataCategory; readers: Reader[] }[];
};

const registerInput = z.object({ locale: z.enum(locales).default('en') }).default({ locale: 'en' });

/**
 * The register of processing (GDPR art. 30) of the organisations the actor answers for: an admin
 * every one, a coordinator their own (an org-wide grant; an area-bound one answers for no organisation
 * as a whole). It describes processing, not people, so reading it is not audited.
 */
export const readRegister = defineVerb({
	name: 'privacy.register.read',
	summary: 'The register of processing: per organisation its purposes, data categories, lawful bases, retention and who may read each category',
	permission: permission(READ),
	input: registerInput,
	writes: false,
	access: (ctx) => {
		const ids = grantedOrganisations(ctx.actor, READ);
		if (ids === null) return { organisationIds: null };
		const whole = ids.filter((organisationId) => can(ctx.actor, READ, { organisationId, areaId: null }));
		if (!whole.length) throw new ForbiddenError(READ);
		return { organisationIds: whole };
	},
	run: async (ctx, { locale }, { organisationIds }): Promise<RegisterOrganisation[]> => {
		const organisations = await ctx.db
			.select({
				id: peopleOrganisation.id,
				name: peopleOrganisation.name,
				kind: peopleOrganisation.kind,
				lawfulBasis: peopleOrganisation.lawfulBasis
			})
			.from(peopleOrganisation)
			.where(organisationIds ? inArray(peopleOrganisation.id, organisationIds) : undefined)
			.orderBy(asc(peopleOrganisation.name));
		const purposes = await ctx.db
			.select({ purpose: peoplePurpose, texts: peoplePurposeText.texts })
			.from(peoplePurpose)
			.leftJoin(peoplePurposeText, and(eq(peoplePurposeText.purposeId, peoplePurpose.id), eq(peoplePurposeText.version, peoplePurpose.version)))
			.where(organisationIds ? inArray(peoplePurpose.organisationId, organisationIds) : undefined)
			.orderBy(asc(peoplePurpose.code), asc(peoplePurpose.createdAt));
		const readers = DATA_CATEGORIES.map((category) => ({ category, readers: readersOf(category) }));
		return organisations.map((o) => ({
			...o,
			readers,
			purposes: purposes
				.filter(({ purpose }) => purpose.organisationId === o.id)
				.map(({ purpose: p, texts }) => ({
					id: p.id,
					code: p.code,
					text: texts?.[locale] ?? texts?.en ?? texts?.nl ?? null,
					version: p.version,
					lawfulBasis: p.lawfulBasis ?? o.lawfulBasis,
					ownBasis: p.lawfulBasis !== null,
					categories: p.categories,
					retentionDays: p.retentionDays,
					active: p.active
				}))
		}));
	}
});
