import { z } from 'zod';
import { line, optionalLine } from '../core/index.ts';
import { THEMES } from '../../themes.ts';
import { NODE_KINDS, PARTNER_KINDS, RELATIONSHIP_TYPES, TIE_ACCESS } from './schema.ts';

// The inputs of network's verbs, shared by forms, the API and its document.

/** A note on a tie: a few paragraphs at most (a 1 MB note is refused, not stored). */
export const NOTE_MAX = 2000;

const blankToNull = (v: unknown) => (v === '' ? null : v);
/** An optional day, YYYY-MM-DD; a form's empty field is none. */
export const optionalDay = z.preprocess(blankToNull, z.iso.date('error_date').nullish());
const optionalUuid = z.preprocess(blankToNull, z.uuid('error_choice').nullish());
/** A form sends one value as a string and several as an array. */
const list = <T extends z.ZodType>(item: T, max: number) =>
	z
		.preprocess(
			(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]),
			z.array(item).max(max, 'error_too_long')
		)
		.optional()
		.transform((v) => v ?? []);

const email = z.preprocess(
	(v) => (typeof v === 'string' ? v.trim().toLowerCase() || null : v),
	z.email('error_email').max(254, 'error_too_long').nullish()
);
const phone = z.preprocess(
	(v) => (typeof v === 'string' ? v.trim() || null : v),
	z
		.string()
		.max(30, 'error_too_long')
		.regex(/^[+0-9 ()./-]*$/, 'error_phone')
		.nullish()
);
const website = z.preprocess(
	(v) => (typeof v === 'string' ? v.trim() || null : v),
	z
		.url({ protocol: /^https?$/, error: 'network_error_website' })
		.max(300, 'error_too_long')
		.nullish()
);

export const partnerFields = z.object({
	name: line(2, 120),
	kind: z.enum(PARTNER_KINDS, 'error_choice'),
	address: optionalLine(200),
	phone,
	email,
	website,
	themes: list(z.enum(THEMES, 'error_choice'), THEMES.length).transform((t) => [...new Set(t)]),
	areaIds: list(z.uuid('error_choice'), 50).transform((a) => [...new Set(a)])
});

export const createPartnerInput = partnerFields.extend({ organisationId: z.uuid('error_required') });
export type CreatePartnerInput = z.infer<typeof createPartnerInput>;
export const updatePartnerInput = partnerFields.extend({ id: z.uuid('error_not_found') });

export const listPartnersInput = z
	.object({
		kind: z.preprocess(blankToNull, z.enum(PARTNER_KINDS, 'error_choice').nullish()),
		theme: z.preprocess(blankToNull, z.enum(THEMES, 'error_choice').nullish()),
		areaId: optionalUuid,
		q: z.preprocess(blankToNull, z.string().trim().max(80, 'error_too_long').nullish())
	})
	.prefault({});

const nodeKind = z.enum(NODE_KINDS, 'error_choice');
const relationshipType = z.enum(RELATIONSHIP_TYPES, 'network_error_type');

export const createRelationshipInput = z
	.object({
		type: relationshipType,
		fromKind: nodeKind,
		fromId: z.uuid('error_choice'),
		toKind: nodeKind,
		toId: z.uuid('network_error_other_end'),
		role: optionalLine(120),
		note: z.preprocess(blankToNull, z.string().trim().max(NOTE_MAX, 'error_too_long').nullish()),
		startsOn: optionalDay,
		endsOn: optionalDay,
		access: z
			.preprocess((v) => (v === '' ? 'none' : v), z.enum(TIE_ACCESS, 'error_choice'))
			.optional()
			.transform((v) => v ?? 'none')
	})
	.superRefine((t, ctx) => {
		if (t.fromKind === t.toKind && t.fromId === t.toId) ctx.addIssue({ code: 'custom', message: 'network_error_self', path: ['toId'] });
		if (t.startsOn && t.endsOn && t.endsOn < t.startsOn) ctx.addIssue({ code: 'custom', message: 'network_error_ends_before', path: ['endsOn'] });
	});

export const endRelationshipInput = z.object({ id: z.uuid('error_not_found'), endsOn: optionalDay });

export const nodeInput = z.object({ kind: nodeKind, id: z.uuid('error_not_found') });

export const assignWorkerInput = z.object({
	personId: z.uuid('error_not_found'),
	workerPersonId: z.uuid('network_error_worker'),
	startsOn: optionalDay
});
export const endAssignmentInput = z.object({ id: z.uuid('error_not_found'), endsOn: optionalDay });
