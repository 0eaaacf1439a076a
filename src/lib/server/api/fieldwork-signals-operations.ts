import { z } from 'zod';
import { SIGNAL_STATUSES, createSignal, getSignal, linkSignalEvidence, listSignals, unlinkSignalEvidence, updateSignal } from '../fieldwork/index.ts';
import { THEMES } from '../../themes.ts';
import { operation, type Operation } from './operation.ts';

// Fieldwork II, part C: signals and bottlenecks under /signals. The export (exportSignals) is not built yet.

const created = z.object({ id: z.uuid() });

const signalRequest = z
	.object({
		organisationId: z.uuid('error_required'),
		areaId: z.uuid('error_choice').nullish().describe('The neighbourhood; required from a caller bound to neighbourhoods.'),
		theme: z.enum(THEMES, 'error_choice'),
		title: z.string().describe('1–200 characters.'),
		description: z.string().describe('Up to 4 000 characters.'),
		contactIds: z
			.array(z.uuid())
			.optional()
			.describe('Contacts to link as evidence at once (each one the caller may read, of the same organisation).'),
		questionIds: z.array(z.uuid()).optional().describe('Questions to link as evidence at once.')
	})
	.meta({ id: 'SignalRequest' });

const counts = {
	people: z.int().describe('Distinct people behind it (people on linked contacts and questions, once each) plus anonymous counts.'),
	contacts: z.int(),
	questions: z.int(),
	firstSeen: z.iso.datetime().nullable(),
	lastSeen: z.iso.datetime().nullable()
};
const base = {
	id: z.uuid(),
	organisationId: z.uuid(),
	areaId: z.uuid().nullable(),
	theme: z.enum(THEMES),
	title: z.string(),
	description: z.string(),
	status: z.enum(SIGNAL_STATUSES),
	escalatedTo: z.string().nullable(),
	escalatedOn: z.iso.date().nullable(),
	answer: z.string().nullable(),
	createdAt: z.iso.datetime(),
	...counts
};
type Row = { [k: string]: unknown; firstSeen: Date | null; lastSeen: Date | null; createdAt: Date };
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const out = (r: Row) => ({
	...Object.fromEntries(Object.keys(base).map((k) => [k, r[k]])),
	firstSeen: iso(r.firstSeen),
	lastSeen: iso(r.lastSeen),
	createdAt: r.createdAt.toISOString()
});

const signalList = z.object({ items: z.array(z.object(base)), nextCursor: z.string().nullable() }).meta({ id: 'SignalList' });
const signalResponse = z
	.object({
		...base,
		contacts: z.int(),
		evidence: z.object({
			contacts: z.array(
				z.object({ evidenceId: z.uuid(), contactId: z.uuid(), type: z.string(), startedAt: z.iso.datetime(), themes: z.array(z.enum(THEMES)) })
			),
			questions: z.array(z.object({ evidenceId: z.uuid(), questionId: z.uuid(), title: z.string(), status: z.string() }))
		}),
		history: z.array(z.object({ fromStatus: z.enum(SIGNAL_STATUSES).nullable(), toStatus: z.enum(SIGNAL_STATUSES), at: z.iso.datetime() }))
	})
	.meta({ id: 'Signal', description: 'A signal with its evidence (contacts as type, date and themes; never notes or names) and its history.' });

type Full = Awaited<ReturnType<typeof getSignal>>;

export const FIELDWORK_SIGNAL_OPERATIONS: Operation[] = [
	operation({
		method: 'post',
		path: '/signals',
		operationId: 'createSignal',
		verb: createSignal,
		request: signalRequest,
		response: created.extend({ linked: z.int().describe('Contacts and questions linked as evidence with it.') }),
		status: 201,
		location: (s: { id: string }) => `/signals/${s.id}`
	}),
	operation({
		method: 'get',
		path: '/signals',
		operationId: 'listSignals',
		verb: listSignals,
		query: z.object({
			theme: z.enum(THEMES, 'error_choice').optional(),
			status: z.enum(SIGNAL_STATUSES, 'error_choice').optional(),
			areaId: z.uuid('error_choice').optional()
		}),
		response: signalList,
		respond: (items: Row[]) => ({ items: items.map(out), nextCursor: null })
	}),
	operation({
		method: 'get',
		path: '/signals/{id}',
		operationId: 'getSignal',
		verb: getSignal,
		response: signalResponse,
		respond: (s: Full) => ({
			...out(s as unknown as Row),
			evidence: {
				contacts: s.linkedContacts.map((c) => ({ ...c, startedAt: c.startedAt.toISOString() })),
				questions: s.linkedQuestions
			},
			history: s.history.map((h) => ({ fromStatus: h.fromStatus, toStatus: h.toStatus, at: h.at.toISOString() }))
		})
	}),
	operation({
		method: 'patch',
		path: '/signals/{id}',
		operationId: 'updateSignal',
		verb: updateSignal,
		request: z.object({
			status: z.enum(SIGNAL_STATUSES, 'error_choice').optional().describe('One step on: a skipped step is a 422.'),
			escalatedTo: z.string().optional().describe('Required to escalate.'),
			escalatedOn: z.iso.date('error_date').optional().describe('Required to escalate.'),
			answer: z.string().optional().describe('Required for answered.'),
			note: z.string().optional(),
			title: z.string().optional(),
			description: z.string().optional()
		}),
		input: ({ params, body }) => ({ ...body, id: params.id }),
		response: z.object({ id: z.uuid(), status: z.enum(SIGNAL_STATUSES) })
	}),
	operation({
		method: 'post',
		path: '/signals/{id}/evidence',
		operationId: 'linkSignalEvidence',
		verb: linkSignalEvidence,
		request: z.object({ contactIds: z.array(z.uuid('error_choice')).optional(), questionIds: z.array(z.uuid('error_choice')).optional() }),
		input: ({ params, body }) => ({ ...body, id: params.id }),
		response: z.object({ id: z.uuid(), linked: z.int().describe('New links (a link already there is not made twice).') })
	}),
	operation({
		method: 'delete',
		path: '/signals/{id}/evidence/{evidenceId}',
		operationId: 'unlinkSignalEvidence',
		verb: unlinkSignalEvidence,
		response: null,
		status: 204
	})
];
