import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { baseLocale, isLocale, locales, type Locale } from '#lib/paraglide/runtime.js';
import { NotFoundError, defineVerb, todayInBelgium } from '../core/index.ts';
import { can, permission, scopeFilter } from '../access/index.ts';
import { areasArea } from '../areas/index.ts';
import { peoplePerson } from '../people/index.ts';
import { THEMES } from '../../themes.ts';
import { SIGNAL_STATUSES, fieldworkContact, fieldworkContactParty, fieldworkQuestion, fieldworkSignal, fieldworkSignalEvidence } from './schema.ts';
import { shapeSignalExport, type ExportContact, type ExportQuestion, type ExportSignal } from './signal-export-shape.ts';
import { filterText, signalsCsv, signalsDocx } from './signal-export-files.ts';

// The anonymised signals export (part X of issue 14): the signals in the caller's scope with their
// evidence, read in four set-based statements (signals, linked contacts, their people, linked
// questions), shaped without names in signal-export-shape.ts, written as CSV or DOCX.

export const EXPORT_FORMATS = ['csv', 'docx'] as const;
const EXPORT_TYPES = {
	csv: 'text/csv; charset=utf-8',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
} as const;

const exportSignalsInput = z.object({
	format: z.enum(EXPORT_FORMATS, 'fw_sigexp_error_format'),
	theme: z.enum(THEMES, 'error_choice').optional(),
	status: z.enum(SIGNAL_STATUSES, 'error_choice').optional(),
	areaId: z.uuid('error_choice').optional(),
	id: z.uuid('error_not_found').optional(),
	/** The language of the file's words; the caller's account language by default (the API's token owner). */
	locale: z.enum(locales, 'error_choice').optional()
});

// As listSignals: at most this many signals in one file.
const MAX_SIGNALS = 1000;

export const exportSignals = defineVerb({
	name: 'fieldwork.signal.export',
	summary:
		'The signals in the caller’s scope as an anonymised file (CSV or DOCX): counts per month and theme, “<5” for groups of 1–4, shareable quotes without names',
	permission: permission('fieldwork.signal.read'),
	input: exportSignalsInput,
	writes: false,
	access: async (ctx, { id }) => {
		// One signal asked for: outside the scope it is the same 404 as an unknown id.
		if (id) {
			const [one] = await ctx.db
				.select({ organisationId: fieldworkSignal.organisationId, areaId: fieldworkSignal.areaId })
				.from(fieldworkSignal)
				.where(eq(fieldworkSignal.id, id));
			if (!one || !can(ctx.actor, 'fieldwork.signal.read', one)) throw new NotFoundError();
		}
		return scopeFilter(ctx.actor, 'fieldwork.signal.read', { organisation: fieldworkSignal.organisationId, area: fieldworkSignal.areaId });
	},
	run: async (ctx, input, scope) => {
		const locale: Locale = input.locale ?? (ctx.actor.locale && isLocale(ctx.actor.locale) ? ctx.actor.locale : baseLocale);
		const signals = await ctx.db
			.select({
				id: fieldworkSignal.id,
				title: fieldworkSignal.title,
				description: fieldworkSignal.description,
				theme: fieldworkSignal.theme,
				areaName: areasArea.name,
				status: fieldworkSignal.status,
				escalatedTo: fieldworkSignal.escalatedTo,
				escalatedOn: fieldworkSignal.escalatedOn,
				answer: fieldworkSignal.answer
			})
			.from(fieldworkSignal)
			.leftJoin(areasArea, eq(areasArea.id, fieldworkSignal.areaId))
			.where(
				and(
					scope,
					input.id ? eq(fieldworkSignal.id, input.id) : undefined,
					input.theme ? eq(fieldworkSignal.theme, input.theme) : undefined,
					input.status ? eq(fieldworkSignal.status, input.status) : undefined,
					input.areaId ? eq(fieldworkSignal.areaId, input.areaId) : undefined
				)
			)
			.limit(MAX_SIGNALS);
		const ids = signals.map((s) => s.id);
		const [contacts, parties, questions] = ids.length
			? await Promise.all([
					ctx.db
						.select({
							signalId: fieldworkSignalEvidence.signalId,
							id: fieldworkContact.id,
							startedAt: fieldworkContact.startedAt,
							themes: fieldworkContact.themes,
							anonymousCount: fieldworkContact.anonymousCount,
							// Only a note its author marked shareable is ever read here; any other stays in the database.
							note: sql<string | null>`case when ${fieldworkContact.noteShareable} then ${fieldworkContact.note} end`,
							noteShareable: fieldworkContact.noteShareable
						})
						.from(fieldworkSignalEvidence)
						.innerJoin(fieldworkContact, eq(fieldworkContact.id, fieldworkSignalEvidence.contactId))
						.where(inArray(fieldworkSignalEvidence.signalId, ids)),
					// The people on those contacts: their ids to count once, their names only to strip them from quotes.
					ctx.db
						.selectDistinct({
							contactId: fieldworkContactParty.contactId,
							personId: fieldworkContactParty.personId,
							firstName: peoplePerson.firstName,
							lastName: peoplePerson.lastName
						})
						.from(fieldworkContactParty)
						.innerJoin(peoplePerson, eq(peoplePerson.id, fieldworkContactParty.personId))
						.innerJoin(fieldworkSignalEvidence, eq(fieldworkSignalEvidence.contactId, fieldworkContactParty.contactId))
						.where(and(eq(fieldworkContactParty.role, 'with'), inArray(fieldworkSignalEvidence.signalId, ids))),
					ctx.db
						.select({
							signalId: fieldworkSignalEvidence.signalId,
							id: fieldworkQuestion.id,
							createdAt: fieldworkQuestion.createdAt,
							theme: fieldworkQuestion.theme,
							personId: fieldworkQuestion.personId,
							firstName: peoplePerson.firstName,
							lastName: peoplePerson.lastName
						})
						.from(fieldworkSignalEvidence)
						.innerJoin(fieldworkQuestion, eq(fieldworkQuestion.id, fieldworkSignalEvidence.questionId))
						.leftJoin(peoplePerson, eq(peoplePerson.id, fieldworkQuestion.personId))
						.where(inArray(fieldworkSignalEvidence.signalId, ids))
				])
			: [[], [], []];

		const namesOf = (p: { firstName: string | null; lastName: string | null }) => [p.firstName, p.lastName].filter((n): n is string => !!n);
		const onContact = new Map<string, { personIds: string[]; names: string[] }>();
		for (const p of parties) {
			const entry = onContact.get(p.contactId) ?? { personIds: [], names: [] };
			entry.personIds.push(p.personId!);
			entry.names.push(...namesOf(p));
			onContact.set(p.contactId, entry);
		}
		const bySignal = new Map<string, { contacts: ExportContact[]; questions: ExportQuestion[] }>(
			ids.map((id) => [id, { contacts: [], questions: [] }])
		);
		for (const c of contacts) {
			const on = onContact.get(c.id) ?? { personIds: [], names: [] };
			bySignal.get(c.signalId)!.contacts.push({ ...c, personIds: on.personIds, names: on.names });
		}
		for (const q of questions) bySignal.get(q.signalId)!.questions.push({ ...q, names: namesOf(q) });

		const rows: ExportSignal[] = signals.map((s) => ({ ...s, ...bySignal.get(s.id)! }));
		const reports = shapeSignalExport(rows);
		const areaName = input.areaId
			? ((await ctx.db.select({ name: areasArea.name }).from(areasArea).where(eq(areasArea.id, input.areaId)))[0]?.name ?? null)
			: null;
		const filter = filterText({ areaName, theme: input.theme ?? null, status: input.status ?? null, one: !!input.id }, locale);
		const body = input.format === 'csv' ? new TextEncoder().encode(signalsCsv(reports, locale)) : await signalsDocx(reports, locale, filter);
		const filename = `wijkweb-signals-${todayInBelgium()}.${input.format}`;
		return { body, contentType: EXPORT_TYPES[input.format], filename, count: reports.length };
	},
	// An export of what people told workers (anonymised, but still from personal records) is logged.
	audit: (input, out) => ({
		action: 'read',
		entity: 'fieldwork_signal',
		entityId: input.id ?? null,
		details: { part: 'export', format: input.format, count: out.count }
	})
});
