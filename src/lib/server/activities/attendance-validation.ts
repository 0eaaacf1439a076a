import { z } from 'zod';
import { line } from '../core/index.ts';
import { ACTIVITY_LIMITS } from './schema.ts';
import { duplicates } from './attendance-rules.ts';

// The inputs of the attendance verbs: one schema each, shared by the checklist page and the API.

/** The most people one session's list may name (a festival of hundreds, not a city). */
export const ATTENDANCE_LIST_MAX = 2000;

const sessionId = z.uuid('error_not_found');
/** The activity in the page's path or the API's: when given it must be the session's own (else 404). */
const activityId = z.uuid('error_not_found').optional();
const personId = z.uuid('att_error_person');

/** 0 … headcountMax; a form sends it as text. */
export const headcount = z
	.union([z.number(), z.string().trim()])
	.transform((v) => (typeof v === 'string' && v !== '' ? Number(v) : v))
	.pipe(z.int('att_error_headcount').min(0, 'att_error_headcount').max(ACTIVITY_LIMITS.headcountMax, 'att_error_headcount'));

export const recordAttendanceInput = z.object({
	sessionId,
	activityId,
	personIds: z
		.array(personId)
		.max(ATTENDANCE_LIST_MAX, 'error_too_long')
		.refine((ids) => duplicates(ids).length === 0, 'att_error_duplicate'),
	// Absent: the headcount stays as it is.
	anonymousCount: headcount.optional()
});

export const tickInput = z.object({ sessionId, activityId, personId });

export const addParticipantInput = z.object({ sessionId, activityId, firstName: line(1, 80) });

export const setHeadcountInput = z.object({ sessionId, activityId, anonymousCount: headcount });

export const closeAttendanceInput = z.object({ sessionId, activityId });

export const checklistInput = z.object({
	sessionId,
	activityId,
	// A search over the organisation's people, by name (the plain GET form's ?q=).
	q: z.string().trim().max(80, 'error_too_long').optional()
});

// The checklist page's forms (the session and activity come from the path).
export const tickForm = z.object({
	personId: personId,
	// The button's value: what the person becomes ("1": present, "0": not present).
	present: z.enum(['1', '0'], 'error_choice'),
	// The search the list was showing, kept across the redirect.
	q: z.string().trim().max(80, 'error_too_long').optional()
});
export const addParticipantForm = z.object({ firstName: line(1, 80) });
export const headcountForm = z.object({ anonymousCount: headcount });
