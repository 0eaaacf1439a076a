import { z } from 'zod';
import { line } from '../core/index.ts';
import { THEMES } from '../../themes.ts';
import { SIGNAL_STATUSES } from './schema.ts';

// The inputs of the signal verbs: one schema each, shared by the pages and the API.

const text = (max: number) => z.string().trim().min(1, 'error_required').max(max, 'error_too_long');
// A form sends '' for a field it shows but the chosen step does not use (the answer box beside
// "Close"): that is "not given", and the machine says what a step still needs.
const blank = (v: unknown) => (v === '' ? undefined : v);
const ids = z.array(z.uuid('error_choice')).max(200, 'error_too_long').default([]);

export const createSignalInput = z.object({
	organisationId: z.uuid('error_required'),
	areaId: z.uuid('error_choice').nullish(),
	theme: z.enum(THEMES, 'error_choice'),
	title: line(1, 200),
	description: text(4000),
	// Where it showed up, linked in the same transaction (the list's "New signal with this contact").
	contactIds: ids,
	questionIds: ids
});

export const linkSignalInput = z.object({
	id: z.uuid('error_not_found'),
	contactIds: ids,
	questionIds: ids
});

export const unlinkSignalInput = z.object({ id: z.uuid('error_not_found'), evidenceId: z.uuid('error_not_found') });

export const updateSignalInput = z.object({
	id: z.uuid('error_not_found'),
	status: z.enum(SIGNAL_STATUSES, 'error_choice').optional(),
	escalatedTo: z.preprocess(blank, line(1, 200).optional()),
	escalatedOn: z.preprocess(blank, z.iso.date('error_date').optional()),
	answer: z.preprocess(blank, text(4000).optional()),
	note: z.preprocess(blank, text(1000).optional()),
	title: line(1, 200).optional(),
	description: text(4000).optional()
});

export const listSignalsInput = z.object({
	theme: z.enum(THEMES, 'error_choice').optional(),
	status: z.enum(SIGNAL_STATUSES, 'error_choice').optional(),
	areaId: z.uuid('error_choice').optional()
});

export const signalIdInput = z.object({ id: z.uuid('error_not_found') });
