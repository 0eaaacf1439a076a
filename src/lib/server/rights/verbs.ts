import { and, eq, isNull } from 'drizzle-orm';
import { ConflictError, decodeCursor, defineVerb, pageOf } from '../core/index.ts';
import { can, inScope, permission } from '../access/index.ts';
import { peoplePerson } from '../people/index.ts';
import { collectPersonData } from './export.ts';
import { auditTargetsOf, consultationRows } from './consultation.ts';
import { erasePersonData } from './erase.ts';
import { personRecordIds } from './catalog.ts';
import { loadPerson } from './people.ts';
import { rightsErasureRequest } from './schema.ts';
import { archiveInput, consultationInput, eraseInput, personIdInput } from './validation.ts';

// A person's rights, asked for by staff on the person's rights tab or through the API. Every verb
// checks the person's place against the actor's grants (another organisation's id reads as unknown).

const EXPORT = 'people.person.export' as const;
const ERASE = 'people.person.erase' as const;

/** What the rights tab shows before anything is read: the name, the state, what the actor may do there. */
export const rightsOverview = defineVerb({
	name: 'rights.person.overview',
	summary: 'A person’s rights tab: name, erased or archived, an open erasure request, what the caller may do',
	permission: permission(EXPORT),
	input: personIdInput,
	writes: false,
	access: async (ctx, { id }) => inScope(ctx.actor, EXPORT, await loadPerson(ctx, id)),
	run: async (ctx, _input, person) => {
		const [request] = await ctx.db
			.select({ id: rightsErasureRequest.id, askedAt: rightsErasureRequest.askedAt })
			.from(rightsErasureRequest)
			.where(and(eq(rightsErasureRequest.personId, person.id), isNull(rightsErasureRequest.handledAt)));
		const mayErase = can(ctx.actor, ERASE, person);
		return {
			person,
			openRequest: request ?? null,
			mayErase: mayErase && !person.erasedAt,
			// Public bodies keep a record for the legal period instead (their lawful basis says so).
			mayArchive: mayErase && !person.erasedAt && !person.archivedAt && person.lawfulBasis === 'public_task'
		};
	}
});

/** Everything held about the person, the consultation log included; the read is audited. */
export const exportPerson = defineVerb({
	name: 'rights.person.export',
	summary: 'Everything held about a person (GDPR art. 15/20), with the consultation log; the read is audited',
	permission: permission(EXPORT),
	input: personIdInput,
	writes: false,
	access: async (ctx, { id }) => inScope(ctx.actor, EXPORT, await loadPerson(ctx, id)),
	run: (ctx, { id }) => collectPersonData(ctx.db, id),
	audit: ({ id }) => ({ action: 'read', entity: 'people_person', entityId: id, details: { part: 'export' } })
});

/** The consultation log, newest first, a page at a time; reading it is itself logged. */
export const consultationLog = defineVerb({
	name: 'rights.consultation.read',
	summary: 'Who read or changed a person’s record, when and in which role (newest first); the read is audited',
	permission: permission(EXPORT),
	input: consultationInput,
	writes: false,
	access: async (ctx, { id }) => inScope(ctx.actor, EXPORT, await loadPerson(ctx, id)),
	run: async (ctx, { id, limit, cursor }) => {
		const ids = await personRecordIds(ctx.db, id);
		const key = cursor ? decodeCursor(cursor, ['string', 'number']) : null;
		const rows = await consultationRows(ctx.db, {
			ids,
			related: await auditTargetsOf(ctx.db, ids),
			limit: limit + 1,
			before: key ? { at: key[0] as string, id: key[1] as number } : undefined
		});
		return pageOf(rows, limit, (r) => [r.at, r.id]);
	},
	audit: ({ id }) => ({ action: 'read', entity: 'people_person', entityId: id, details: { part: 'consultation_log' } })
});

/** Erases the person (art. 17): personal values and free texts go, anonymous rows stay, figures are unchanged. */
export const erasePerson = defineVerb({
	name: 'rights.person.erase',
	summary:
		'Erase a person: every personal field, note and free text removed, the account deleted; anonymous rows kept so every figure stays the same',
	permission: permission(ERASE),
	input: eraseInput,
	writes: true,
	access: async (ctx, { id }) => {
		const person = inScope(ctx.actor, ERASE, await loadPerson(ctx, id, true));
		if (person.erasedAt) throw new ConflictError('rights_error_erased');
		return person;
	},
	run: async (ctx, { id, reason }) => {
		const counts = await erasePersonData(ctx.db, id, reason, ctx.actor.userId);
		return { id, erased: true as const, ...counts };
	},
	// Who, when (the row's time) and why; nothing of the person.
	audit: ({ id, reason }, out) => ({ action: 'delete', entity: 'people_person', entityId: id, reason, details: { erased: true, rows: out.records } })
});

/** A public body archives instead: read-only, out of lists and search, kept for the legal period. */
export const archivePerson = defineVerb({
	name: 'rights.person.archive',
	summary: 'Archive a person (organisations under public task): the record becomes read-only and leaves lists and search',
	permission: permission(ERASE),
	input: archiveInput,
	writes: true,
	access: async (ctx, { id }) => {
		const person = inScope(ctx.actor, ERASE, await loadPerson(ctx, id, true));
		if (person.lawfulBasis !== 'public_task') throw new ConflictError('rights_error_not_public_task');
		if (person.erasedAt || person.archivedAt) throw new ConflictError('rights_error_archived');
		return person;
	},
	run: async (ctx, { id, reason }) => {
		const ids = await personRecordIds(ctx.db, id);
		for (const pid of ids) await ctx.db.update(peoplePerson).set({ archivedAt: new Date() }).where(eq(peoplePerson.id, pid));
		await ctx.db
			.update(rightsErasureRequest)
			.set({ handledAt: new Date(), handledByUserId: ctx.actor.userId, outcome: 'archived', outcomeReason: reason })
			.where(and(eq(rightsErasureRequest.personId, id), isNull(rightsErasureRequest.handledAt)));
		return { id, archived: true as const };
	},
	audit: ({ id, reason }) => ({ action: 'update', entity: 'people_person', entityId: id, reason, details: { archived: true } })
});
