import { z } from 'zod';
import { decideApplication, decideFields, declareConflict, declareConflictInput, scoreApplication, scoreInput } from '../funding/index.ts';
import { operation, type Operation } from './operation.ts';

// Funding (issue 16), part review: the jury's work over the API (declaring a conflict, scoring) and
// the officer's decision. Same verbs, same permissions as the pages: a juror not on the call, a
// conflicted one and another funder's officer get 404, as for an unknown application.

const conflictDeclared = z.object({ applicationId: z.uuid() }).meta({ id: 'ConflictDeclared' });
const reviewSaved = z
	.object({ applicationId: z.uuid(), final: z.boolean().describe('Final: only the programme officer can reopen it.') })
	.meta({ id: 'ReviewSaved' });
const decision = z
	.object({
		id: z.uuid(),
		status: z.enum(['granted', 'rejected']),
		grantedCents: z.int().nullable().describe('The grant in euro cents (at most the grant asked); null when rejected.')
	})
	.meta({ id: 'Decision' });

export const FUNDING_REVIEW_OPERATIONS: Operation[] = [
	operation({
		method: 'post',
		path: '/funding/applications/{id}/conflict',
		operationId: 'declareConflict',
		verb: declareConflict,
		request: declareConflictInput.omit({ applicationId: true }),
		input: ({ params, body }) => ({ ...body, applicationId: params.id }),
		response: conflictDeclared,
		status: 201
	}),
	operation({
		method: 'put',
		path: '/funding/applications/{id}/review',
		operationId: 'scoreApplication',
		verb: scoreApplication,
		request: scoreInput.omit({ applicationId: true }),
		input: ({ params, body }) => ({ ...body, applicationId: params.id }),
		response: reviewSaved
	}),
	operation({
		method: 'post',
		path: '/funding/applications/{id}/decision',
		operationId: 'decideApplication',
		verb: decideApplication,
		request: decideFields.omit({ id: true }),
		input: ({ params, body }) => ({ ...body, id: params.id }),
		response: decision,
		respond: (d: { id: string; status: 'granted' | 'rejected'; grantedCents: number | null }) => ({
			id: d.id,
			status: d.status,
			grantedCents: d.grantedCents
		})
	})
];
