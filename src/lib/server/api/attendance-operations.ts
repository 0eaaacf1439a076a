import { z } from 'zod';
import { ACTIVITY_LIMITS, ATTENDANCE_LIST_MAX, recordAttendance } from '../activities/index.ts';
import { operation, type Operation } from './operation.ts';

// Activities, attendance part: the whole list of who came to one session, set at once (idempotent:
// the same list twice changes nothing). The phone's single ticks are form actions of the checklist page.

const attendanceRequest = z
	.object({
		personIds: z
			.array(z.uuid('att_error_person'))
			.max(ATTENDANCE_LIST_MAX, 'error_too_long')
			.describe('Everyone present, each once: people of the session’s organisation. Who is not listed is taken off.'),
		anonymousCount: z
			.int('att_error_headcount')
			.min(0, 'att_error_headcount')
			.max(ACTIVITY_LIMITS.headcountMax, 'att_error_headcount')
			.optional()
			.describe('People who came but were not named; kept apart from the distinct counts. Absent: left as it is.')
	})
	.meta({ id: 'AttendanceRequest' });

const attendanceResponse = z
	.object({
		sessionId: z.uuid(),
		present: z.int().describe('Named people now present.'),
		anonymousCount: z.int(),
		changed: z.boolean().describe('False when the list was already so (a resend).'),
		late: z.boolean().describe('The attendance was closed: this was a late correction, audited as such.'),
		before: z.object({ present: z.int(), anonymousCount: z.int() })
	})
	.meta({ id: 'Attendance', description: 'A session’s attendance after the change, and before it.' });

export const ATTENDANCE_OPERATIONS: Operation[] = [
	operation({
		method: 'put',
		path: '/activities/{activityId}/sessions/{sessionId}/attendance',
		operationId: 'recordAttendance',
		verb: recordAttendance,
		request: attendanceRequest,
		// The session is the one in the path; it must belong to the activity in the path (else 404).
		input: ({ params, body }) => ({ ...body, sessionId: params.sessionId, activityId: params.activityId }),
		response: attendanceResponse
	})
];
