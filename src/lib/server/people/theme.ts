import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { InvalidError, NotFoundError, PUBLIC, defineVerb, type Actor } from '../core/index.ts';
import { inScope, permission } from '../access/index.ts';
import { checkAccent, tint } from '../../ui/contrast.ts';
import { peopleOrganisation } from './schema.ts';
import { themeInput } from './validation.ts';

// An organisation's own look: its name, accent colour and logo. The coordinators of the whole
// organisation (an area-bound grant covers records of its area, and an organisation has none) and
// admins set it; everybody who works for it, and every resident it serves, sees it.

const org = peopleOrganisation;
const themeColumns = { id: org.id, name: org.name, accentColor: org.accentColor, logoType: org.logoType, updatedAt: org.updatedAt };

/** The place an organisation is judged at by the access rule: itself, with no area. */
const placeOf = <R extends { id: string }>(row: R | undefined) => row && { ...row, organisationId: row.id, areaId: null };

/** Changes to the logo file invalidate its address, so browsers may keep a logo for a long time. */
const logoVersion = (updatedAt: Date) => String(updatedAt.getTime());

/** The organisation's look as the theme form shows it. */
export const getOrganisationTheme = defineVerb({
	name: 'people.organisation.theme_read',
	summary: 'An organisation’s name, accent colour and whether it has a logo, for its theme form',
	permission: permission('people.organisation.theme'),
	input: z.object({ organisationId: z.uuid('error_not_found') }),
	writes: false,
	access: async (ctx, { organisationId }) => {
		const [row] = await ctx.db.select(themeColumns).from(org).where(eq(org.id, organisationId));
		return inScope(ctx.actor, 'people.organisation.theme', placeOf(row));
	},
	run: async (_ctx, _input, row) => ({
		id: row.id,
		name: row.name,
		accentColor: row.accentColor,
		logoVersion: row.logoType ? logoVersion(row.updatedAt) : null
	})
});

type PgFailure = { code?: string; constraint?: string; cause?: PgFailure };

/** Another organisation already has the name: a field error, not a server error. */
function nameTaken(e: unknown): never {
	const pg = (e as PgFailure).cause ?? (e as PgFailure);
	if (pg.code === '23505' && pg.constraint?.includes('name')) throw new InvalidError({ name: 'error_name_taken' });
	throw e;
}

export const setOrganisationTheme = defineVerb({
	name: 'people.organisation.theme',
	summary: 'Set an organisation’s name, accent colour (checked for contrast) and logo',
	permission: permission('people.organisation.theme'),
	input: themeInput,
	writes: true,
	// Locked, so the audit row's "before" is the row this change replaced.
	access: async (ctx, { organisationId }) => {
		const [row] = await ctx.db.select(themeColumns).from(org).where(eq(org.id, organisationId)).for('update');
		return inScope(ctx.actor, 'people.organisation.theme', placeOf(row));
	},
	run: async (ctx, input) => {
		const logo = input.logo
			? { logo: Buffer.from(input.logo.bytes), logoType: input.logo.type }
			: input.removeLogo
				? { logo: null, logoType: null }
				: {};
		const [row] = await ctx.db
			.update(org)
			.set({ name: input.name, accentColor: input.accentColor, ...logo, updatedAt: new Date() })
			.where(eq(org.id, input.organisationId))
			.returning({ id: org.id })
			.catch(nameTaken);
		return row!;
	},
	audit: (input, row, before) => ({
		action: 'update',
		entity: 'people_organisation',
		entityId: row.id,
		details: {
			theme: true,
			name: before.name === input.name ? undefined : { from: before.name, to: input.name },
			accentColor: { from: before.accentColor, to: input.accentColor },
			logo: input.logo ? { type: input.logo.type, bytes: input.logo.bytes.byteLength } : input.removeLogo ? 'removed' : 'kept'
		}
	})
});

/** An organisation's logo: public, as it is shown in the header of pages anyone may be sent to. */
export const organisationLogo = defineVerb({
	name: 'people.organisation.logo',
	summary: 'An organisation’s logo picture',
	permission: PUBLIC,
	input: z.object({ organisationId: z.uuid('error_not_found') }),
	writes: false,
	access: () => ({ public: true }),
	run: async (ctx, { organisationId }) => {
		const [row] = await ctx.db.select({ logo: org.logo, type: org.logoType, updatedAt: org.updatedAt }).from(org).where(eq(org.id, organisationId));
		if (!row?.logo || !row.type) throw new NotFoundError();
		return { bytes: row.logo, type: row.type, version: logoVersion(row.updatedAt) };
	}
});

/**
 * Whose look the actor's pages wear. The rule: the organisation of a grant the actor works under
 * (any role but resident or volunteer) — the staff's own organisation; otherwise the organisation of
 * their resident or volunteer grant — the neighbourhood house whose facilitators hold what they ask
 * and offer (a resident who joins alone gets the house of the area chosen). Among several, the first
 * by organisation id, so a page never flips between two looks.
 */
function lookOrganisation(actor: Actor): string | null {
	const served = actor.grants.filter((g) => g.role !== 'resident' && g.role !== 'volunteer');
	const pool = served.length ? served : actor.grants;
	return pool.map((g) => g.organisationId).sort()[0] ?? null;
}

/** The look of the actor's pages (null: Wijkweb's own), with the text colours its accent needs. */
export const actorLook = defineVerb({
	name: 'people.organisation.look',
	summary: 'The name, colours and logo of the organisation whose look the actor’s pages wear',
	permission: PUBLIC,
	input: z.object({}).default({}),
	writes: false,
	access: (ctx) => ({ organisationId: lookOrganisation(ctx.actor) }),
	run: async (ctx, _input, { organisationId }) => {
		if (!organisationId) return null;
		const [row] = await ctx.db.select(themeColumns).from(org).where(eq(org.id, organisationId));
		if (!row) return null;
		// A colour stored before a stricter check, or by hand, is not worn if it fails now.
		const check = row.accentColor ? checkAccent(row.accentColor) : null;
		return {
			organisationId: row.id,
			name: row.name,
			colours: check?.ok ? { accent: check.accent, onAccent: check.onAccent!, accentSoft: tint(check.accent, 0.12) } : null,
			logoVersion: row.logoType ? logoVersion(row.updatedAt) : null
		};
	}
});
