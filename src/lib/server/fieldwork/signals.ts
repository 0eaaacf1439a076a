import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { InvalidError, NotFoundError, defineVerb, type Ctx } from '../core/index.ts';
import { can, permission, scopeFilter } from '../access/index.ts';
import { authUser } from '../auth/index.ts';
import { fieldworkContact, fieldworkQuestion, fieldworkSignal, fieldworkSignalEvent, fieldworkSignalEvidence, type SignalStatus } from './schema.ts';
import { checkSignalStep, type SignalChange } from './signal-status.ts';
import { createSignalInput, linkSignalInput, listSignalsInput, signalIdInput, unlinkSignalInput, updateSignalInput } from './signal-validation.ts';

// Signals and bottlenecks (part C): a problem many people hit, backed by the contacts and questions
// where it showed up. The counts are computed from those links (EVIDENCE_SQL, twin of countEvidence).

type Signal = typeof fieldworkSignal.$inferSelect;

/**
 * Per signal: distinct people (the 'with' people of linked contacts and the people of linked
 * questions, once each) plus the anonymous counts of linked contacts; contacts, questions, first and
 * last seen. The same rule as countEvidence in signal-evidence.ts.
 */
export const EVIDENCE_SQL = sql`
	select s.id as signal_id,
		(select count(distinct p.pid) from (
			select cp.person_id as pid from fieldwork_signal_evidence e
				join fieldwork_contact_party cp on cp.contact_id = e.contact_id and cp.role = 'with'
				where e.signal_id = s.id and cp.person_id is not null
			union
			select q.person_id from fieldwork_signal_evidence e join fieldwork_question q on q.id = e.question_id
				where e.signal_id = s.id and q.person_id is not null
		) p)::int
		+ coalesce((select sum(c.anonymous_count) from fieldwork_signal_evidence e join fieldwork_contact c on c.id = e.contact_id
			where e.signal_id = s.id), 0)::int as people,
		(select count(*) from fieldwork_signal_evidence e where e.signal_id = s.id and e.contact_id is not null)::int as contacts,
		(select count(*) from fieldwork_signal_evidence e where e.signal_id = s.id and e.question_id is not null)::int as questions,
		(select min(t) from (
			select c.started_at as t from fieldwork_signal_evidence e join fieldwork_contact c on c.id = e.contact_id where e.signal_id = s.id
			union all
			select q.created_at from fieldwork_signal_evidence e join fieldwork_question q on q.id = e.question_id where e.signal_id = s.id
		) x) as first_seen,
		(select max(t) from (
			select c.started_at as t from fieldwork_signal_evidence e join fieldwork_contact c on c.id = e.contact_id where e.signal_id = s.id
			union all
			select q.created_at from fieldwork_signal_evidence e join fieldwork_question q on q.id = e.question_id where e.signal_id = s.id
		) x) as last_seen
	from fieldwork_signal s`;

type CountRow = {
	signal_id: string;
	people: number;
	contacts: number;
	questions: number;
	first_seen: string | Date | null;
	last_seen: string | Date | null;
};
const asDate = (v: string | Date | null) => (v === null ? null : new Date(v));

/** The evidence counts of some signals, by id, computed in SQL. */
export async function evidenceCounts(ctx: Ctx, ids: readonly string[]) {
	const out = new Map<string, { people: number; contacts: number; questions: number; firstSeen: Date | null; lastSeen: Date | null }>();
	if (!ids.length) return out;
	const idList = sql.join(
		ids.map((id) => sql`${id}::uuid`),
		sql`, `
	);
	const rows = await ctx.db.execute(sql`${EVIDENCE_SQL} where s.id in (${idList})`);
	for (const r of rows.rows as CountRow[])
		out.set(r.signal_id, {
			people: r.people,
			contacts: r.contacts,
			questions: r.questions,
			firstSeen: asDate(r.first_seen),
			lastSeen: asDate(r.last_seen)
		});
	return out;
}

/** A signal the actor may read for `name`, else the same 404 as an unknown id. */
async function signalInScope(ctx: Ctx, id: string, name: 'fieldwork.signal.read' | 'fieldwork.signal.manage', lock = false): Promise<Signal> {
	const q = ctx.db.select().from(fieldworkSignal).where(eq(fieldworkSignal.id, id));
	const [signal] = lock ? await q.for('update') : await q;
	if (!signal || !can(ctx.actor, name, signal)) throw new NotFoundError();
	return signal;
}

/**
 * The one check of evidence, for linking and for creating with evidence: each contact and question
 * must be one the actor may read AND of the signal's organisation; anything else is a 404 (the same
 * as an unknown id), so nothing is linked or created.
 */
async function checkEvidence(ctx: Ctx, organisationId: string, contactIds: readonly string[], questionIds: readonly string[]) {
	const contacts = contactIds.length
		? await ctx.db
				.select({ id: fieldworkContact.id, organisationId: fieldworkContact.organisationId, areaId: fieldworkContact.areaId })
				.from(fieldworkContact)
				.where(inArray(fieldworkContact.id, [...contactIds]))
		: [];
	const questions = questionIds.length
		? await ctx.db
				.select({ id: fieldworkQuestion.id, organisationId: fieldworkQuestion.organisationId, areaId: fieldworkQuestion.areaId })
				.from(fieldworkQuestion)
				.where(inArray(fieldworkQuestion.id, [...questionIds]))
		: [];
	const fits = (r: { organisationId: string; areaId: string | null }, name: 'fieldwork.contact.read' | 'fieldwork.question.manage') =>
		r.organisationId === organisationId && can(ctx.actor, name, r);
	if (contacts.length !== new Set(contactIds).size || !contacts.every((c) => fits(c, 'fieldwork.contact.read'))) throw new NotFoundError();
	if (questions.length !== new Set(questionIds).size || !questions.every((q) => fits(q, 'fieldwork.question.manage'))) throw new NotFoundError();
}

/** Links checked evidence; a link already there is not made twice. The number of new links. */
async function addEvidence(ctx: Ctx, signalId: string, contactIds: readonly string[], questionIds: readonly string[]) {
	const rows = [
		...[...new Set(contactIds)].map((contactId) => ({ signalId, contactId, linkedByUserId: ctx.actor.userId })),
		...[...new Set(questionIds)].map((questionId) => ({ signalId, questionId, linkedByUserId: ctx.actor.userId }))
	];
	if (!rows.length) return 0;
	return (await ctx.db.insert(fieldworkSignalEvidence).values(rows).onConflictDoNothing().returning({ id: fieldworkSignalEvidence.id })).length;
}

export const createSignal = defineVerb({
	name: 'fieldwork.signal.create',
	summary: 'Note a signal or bottleneck (a problem many people hit) in a neighbourhood, with its theme',
	permission: permission('fieldwork.signal.manage'),
	input: createSignalInput,
	writes: true,
	access: async (ctx, { organisationId, areaId, contactIds, questionIds }) => {
		const place = { organisationId, areaId: areaId ?? null };
		// Creating where one may not is told as a field error on the place, not a 404 of an unknown record.
		if (!can(ctx.actor, 'fieldwork.signal.manage', place)) throw new InvalidError({ areaId: 'fw_signal_error_place' });
		await checkEvidence(ctx, organisationId, contactIds, questionIds);
		return place;
	},
	run: async (ctx, input, place) => {
		const [row] = await ctx.db
			.insert(fieldworkSignal)
			.values({ ...place, theme: input.theme, title: input.title, description: input.description, createdByUserId: ctx.actor.userId })
			.returning({ id: fieldworkSignal.id });
		await ctx.db.insert(fieldworkSignalEvent).values({ signalId: row!.id, fromStatus: null, toStatus: 'noted', byUserId: ctx.actor.userId });
		const linked = await addEvidence(ctx, row!.id, input.contactIds, input.questionIds);
		return { id: row!.id, linked };
	},
	audit: (_input, out) => ({ action: 'create', entity: 'fieldwork_signal', entityId: out.id, details: { linked: out.linked } })
});

export const linkSignalEvidence = defineVerb({
	name: 'fieldwork.signal.link',
	summary: 'Link contacts and questions to a signal as its evidence (linking twice changes nothing)',
	permission: permission('fieldwork.signal.manage'),
	input: linkSignalInput,
	writes: true,
	access: async (ctx, { id, contactIds, questionIds }) => {
		const signal = await signalInScope(ctx, id, 'fieldwork.signal.manage', true);
		await checkEvidence(ctx, signal.organisationId, contactIds, questionIds);
		return signal;
	},
	run: async (ctx, { contactIds, questionIds }, signal) => ({ id: signal.id, linked: await addEvidence(ctx, signal.id, contactIds, questionIds) }),
	audit: (_input, out) => ({ action: 'update', entity: 'fieldwork_signal', entityId: out.id, details: { linked: out.linked } })
});

export const unlinkSignalEvidence = defineVerb({
	name: 'fieldwork.signal.unlink',
	summary: 'Remove one piece of evidence from a signal',
	permission: permission('fieldwork.signal.manage'),
	input: unlinkSignalInput,
	writes: true,
	access: (ctx, { id }) => signalInScope(ctx, id, 'fieldwork.signal.manage', true),
	run: async (ctx, { evidenceId }, signal) => {
		const gone = await ctx.db
			.delete(fieldworkSignalEvidence)
			.where(and(eq(fieldworkSignalEvidence.id, evidenceId), eq(fieldworkSignalEvidence.signalId, signal.id)))
			.returning({ id: fieldworkSignalEvidence.id });
		if (!gone.length) throw new NotFoundError();
		return { id: signal.id };
	},
	audit: (input, out) => ({ action: 'update', entity: 'fieldwork_signal', entityId: out.id, details: { unlinked: input.evidenceId } })
});

/**
 * THE one function that moves a signal: the machine's check (with the evidence counted, never typed),
 * the row, its event row. The audit row is the calling verb's, in the same transaction.
 */
export async function changeSignalStatus(ctx: Ctx, signal: Signal, to: SignalStatus, change: SignalChange & { note?: string | null }) {
	const counts = (await evidenceCounts(ctx, [signal.id])).get(signal.id);
	const evidence = (counts?.contacts ?? 0) + (counts?.questions ?? 0);
	const errors = checkSignalStep(signal.status, to, evidence, change);
	if (Object.keys(errors).length) throw new InvalidError(errors);
	const fields: Partial<Signal> = { status: to, updatedAt: new Date() };
	if (to === 'escalated') Object.assign(fields, { escalatedTo: change.escalatedTo!.trim(), escalatedOn: change.escalatedOn! });
	if (to === 'answered') fields.answer = change.answer!.trim();
	await ctx.db.update(fieldworkSignal).set(fields).where(eq(fieldworkSignal.id, signal.id));
	await ctx.db
		.insert(fieldworkSignalEvent)
		.values({ signalId: signal.id, fromStatus: signal.status, toStatus: to, byUserId: ctx.actor.userId, note: change.note ?? null });
}

export const updateSignal = defineVerb({
	name: 'fieldwork.signal.update',
	summary: 'Change a signal’s title or description, or move it one step (escalated needs to whom and when, answered the answer)',
	permission: permission('fieldwork.signal.manage'),
	input: updateSignalInput,
	writes: true,
	access: (ctx, { id }) => signalInScope(ctx, id, 'fieldwork.signal.manage', true),
	run: async (ctx, input, signal) => {
		if (input.title !== undefined || input.description !== undefined)
			await ctx.db
				.update(fieldworkSignal)
				.set({ title: input.title ?? signal.title, description: input.description ?? signal.description, updatedAt: new Date() })
				.where(eq(fieldworkSignal.id, signal.id));
		if (input.status) await changeSignalStatus(ctx, signal, input.status, input);
		return { id: signal.id, status: input.status ?? signal.status };
	},
	audit: (input, out) => ({ action: 'update', entity: 'fieldwork_signal', entityId: out.id, details: { status: input.status ?? null } })
});

/** The signals in the actor's scope, ranked by the people behind them, then the contacts. */
export const listSignals = defineVerb({
	name: 'fieldwork.signal.list',
	summary: 'The signals in the caller’s scope, ranked by evidence (distinct people, then contacts)',
	permission: permission('fieldwork.signal.read'),
	input: listSignalsInput,
	writes: false,
	access: (ctx) => scopeFilter(ctx.actor, 'fieldwork.signal.read', { organisation: fieldworkSignal.organisationId, area: fieldworkSignal.areaId }),
	run: async (ctx, { theme, status, areaId }, scope) => {
		const rows = await ctx.db
			.select()
			.from(fieldworkSignal)
			.where(
				and(
					scope,
					theme ? eq(fieldworkSignal.theme, theme) : undefined,
					status ? eq(fieldworkSignal.status, status) : undefined,
					areaId ? eq(fieldworkSignal.areaId, areaId) : undefined
				)
			)
			.orderBy(desc(fieldworkSignal.createdAt))
			.limit(1000);
		const counts = await evidenceCounts(
			ctx,
			rows.map((r) => r.id)
		);
		const zero = { people: 0, contacts: 0, questions: 0, firstSeen: null, lastSeen: null };
		return rows
			.map((r) => ({ ...r, ...(counts.get(r.id) ?? zero) }))
			.sort((a, b) => b.people - a.people || b.contacts - a.contacts || b.questions - a.questions);
	}
});

/** One signal with its evidence (contacts as type, date, themes; questions as title, status) and history. */
export const getSignal = defineVerb({
	name: 'fieldwork.signal.read',
	summary: 'One signal with its evidence (never notes or names) and its history',
	permission: permission('fieldwork.signal.read'),
	input: signalIdInput,
	writes: false,
	access: (ctx, { id }) => signalInScope(ctx, id, 'fieldwork.signal.read'),
	run: async (ctx, _input, signal) => {
		const [contacts, questions, history, counts] = await Promise.all([
			ctx.db
				.select({
					evidenceId: fieldworkSignalEvidence.id,
					contactId: fieldworkContact.id,
					type: fieldworkContact.type,
					startedAt: fieldworkContact.startedAt,
					themes: fieldworkContact.themes
				})
				.from(fieldworkSignalEvidence)
				.innerJoin(fieldworkContact, eq(fieldworkContact.id, fieldworkSignalEvidence.contactId))
				.where(eq(fieldworkSignalEvidence.signalId, signal.id))
				.orderBy(desc(fieldworkContact.startedAt)),
			ctx.db
				.select({
					evidenceId: fieldworkSignalEvidence.id,
					questionId: fieldworkQuestion.id,
					title: fieldworkQuestion.title,
					status: fieldworkQuestion.status
				})
				.from(fieldworkSignalEvidence)
				.innerJoin(fieldworkQuestion, eq(fieldworkQuestion.id, fieldworkSignalEvidence.questionId))
				.where(eq(fieldworkSignalEvidence.signalId, signal.id))
				.orderBy(desc(fieldworkQuestion.createdAt)),
			ctx.db
				.select({
					fromStatus: fieldworkSignalEvent.fromStatus,
					toStatus: fieldworkSignalEvent.toStatus,
					at: fieldworkSignalEvent.at,
					note: fieldworkSignalEvent.note,
					byName: authUser.name
				})
				.from(fieldworkSignalEvent)
				.leftJoin(authUser, eq(authUser.id, fieldworkSignalEvent.byUserId))
				.where(eq(fieldworkSignalEvent.signalId, signal.id))
				.orderBy(asc(fieldworkSignalEvent.at)),
			evidenceCounts(ctx, [signal.id])
		]);
		return { ...signal, ...counts.get(signal.id)!, linkedContacts: contacts, linkedQuestions: questions, history };
	}
});
