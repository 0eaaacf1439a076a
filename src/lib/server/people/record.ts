import { eq, getTableColumns } from 'drizzle-orm';
import { z } from 'zod';
import { ConflictError, InvalidError, defineVerb } from '../core/index.ts';
import { can, grantedAreas, inScope, permission } from '../access/index.ts';
import { originGroup } from '../../countries.ts';
import { peoplePerson } from './schema.ts';
import { originAllowed } from './origin.ts';
import { consentGiven } from './consent.ts';
import { CORRECTABLE, type Correctable, updatePersonInput } from './validation.ts';

// One person's record: reading it (audited) and correcting it (GDPR art. 16, audited with the names
// of the fields changed, never their values: the audit log must not become a second copy of the data).

type PersonRow = typeof peoplePerson.$inferSelect;

/** How many merges a chain may hold before we stop following it (each merge flattens the chain anyway). */
const MAX_CHAIN = 10;

/**
 * One person with contact details: a sensitive read, so it is audited (with the reason, when given).
 * A merged record answers with `mergedIntoId` (the kept record, the end of the chain) and nothing
 * personal; an erased one keeps only its id, place and `erasedAt`.
 */
export const getPerson = defineVerb({
	name: 'people.person.read',
	summary: 'One person with their contact details (the read is audited)',
	permission: permission('people.person.read'),
	input: z.object({ id: z.uuid('error_not_found'), reason: z.string().trim().max(200, 'error_too_long').optional() }),
	writes: false,
	// The record itself is what the scope is checked on: one query, and an outsider's id reads as unknown.
	access: async (ctx, { id }) => {
		// contactConsent: whether the person may be contacted now (the purpose 'contact', people/consent.ts).
		const [row] = await ctx.db
			.select({ ...getTableColumns(peoplePerson), contactConsent: consentGiven('contact', peoplePerson.id) })
			.from(peoplePerson)
			.where(eq(peoplePerson.id, id));
		return inScope(ctx.actor, 'people.person.read', row);
	},
	run: async (ctx, _input, person) => {
		let row: PersonRow = person;
		for (let i = 0; row.mergedIntoId && i < MAX_CHAIN; i++) {
			const [next] = await ctx.db.select().from(peoplePerson).where(eq(peoplePerson.id, row.mergedIntoId));
			if (!next) break;
			row = next;
		}
		return { ...person, mergedIntoId: row.id === person.id ? null : row.id };
	},
	audit: ({ id, reason }) => ({ action: 'read', entity: 'people_person', entityId: id, reason: reason || null })
});

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A correction (art. 16): the fields given are changed; the audit row names them. */
export const updatePerson = defineVerb({
	name: 'people.person.update',
	summary: 'Correct a person’s record (GDPR art. 16); the audit names the fields changed',
	permission: permission('people.person.update'),
	input: updatePersonInput,
	writes: true,
	access: async (ctx, input) => {
		const [row] = await ctx.db.select().from(peoplePerson).where(eq(peoplePerson.id, input.id)).for('update');
		const person = inScope(ctx.actor, 'people.person.update', row);
		if (person.mergedIntoId || person.erasedAt) throw new ConflictError('people_error_person_closed');
		if (person.archivedAt) throw new ConflictError('people_error_person_archived');
		// A move to another neighbourhood must land where the actor still works: else nobody could see it.
		if (input.areaId !== undefined && input.areaId !== person.areaId) {
			const place = { organisationId: person.organisationId, areaId: input.areaId };
			if (!can(ctx.actor, 'people.person.update', place)) throw new InvalidError({ areaId: 'error_choice' });
		}
		return person;
	},
	run: async (ctx, input, person) => {
		const changes: Partial<Pick<typeof peoplePerson.$inferInsert, Correctable>> = {};
		for (const field of CORRECTABLE)
			if (input[field] !== undefined && !same(input[field], person[field])) Object.assign(changes, { [field]: input[field] });
		if ('countryOfOrigin' in changes && changes.countryOfOrigin) {
			if (!person.organisationId || !(await originAllowed(ctx.db, person.organisationId, person.id)))
				throw new InvalidError({ countryOfOrigin: 'people_error_origin_not_allowed' });
		}
		const fields = Object.keys(changes) as Correctable[];
		const withConsent = async (row: PersonRow) => {
			const [c] = await ctx.db
				.select({ given: consentGiven('contact', peoplePerson.id) })
				.from(peoplePerson)
				.where(eq(peoplePerson.id, row.id));
			return { ...row, contactConsent: c?.given ?? false };
		};
		if (!fields.length) return { person: await withConsent(person), fields };
		const values: Partial<typeof peoplePerson.$inferInsert> = { ...changes, updatedAt: new Date(), lastSeenAt: new Date() };
		// The three broad groups of mutual aid's intercultural figures follow the country.
		if ('countryOfOrigin' in changes) values.originGroup = changes.countryOfOrigin ? originGroup(changes.countryOfOrigin) : null;
		const [row] = await ctx.db.update(peoplePerson).set(values).where(eq(peoplePerson.id, person.id)).returning();
		return { person: await withConsent(row!), fields };
	},
	audit: (_input, { person, fields }) =>
		fields.length ? { action: 'update', entity: 'people_person', entityId: person.id, details: { correction: true, fields } } : null
});

/** What the correction form may offer for this person: the areas the actor works in, and the country field. */
export const correctionChoices = defineVerb({
	name: 'people.person.correction_choices',
	summary: 'Where a person may be moved by this actor, and whether their country of origin may be kept',
	permission: permission('people.person.update'),
	input: z.object({ id: z.uuid('error_not_found') }),
	writes: false,
	access: async (ctx, { id }) => {
		const [row] = await ctx.db.select().from(peoplePerson).where(eq(peoplePerson.id, id));
		return inScope(ctx.actor, 'people.person.update', row);
	},
	run: async (ctx, _input, person) => ({
		areaIds: grantedAreas(ctx.actor, 'people.person.update'),
		originAllowed: !!person.organisationId && (await originAllowed(ctx.db, person.organisationId, person.id))
	})
});
