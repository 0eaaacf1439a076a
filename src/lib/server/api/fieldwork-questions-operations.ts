import { z } from 'zod';
import {
	QUESTION_STATUSES,
	REFERRAL_REASONS,
	REFERRAL_STATUSES,
	createQuestion,
	createQuestionInput,
	createReferral,
	createReferralInput,
	updateQuestion,
	updateQuestionInput,
	updateReferral
} from '../fieldwork/index.ts';
import { operation, type Operation } from './operation.ts';

// Fieldwork II, part B: questions a contact raised and referrals to partners. A status change is a
// PATCH with the status wanted; a step the status machine does not have is a 422 naming `status`.

const questionRequest = createQuestionInput
	.omit({ contactId: true, personId: true, ownerUserId: true, dueOn: true })
	.extend({
		contactId: z.uuid('error_not_found').optional().describe('The contact the question was raised at (its place is the question’s).'),
		personId: z.uuid('error_not_found').optional().describe('The person it is about; required when no contact is given.'),
		ownerUserId: z.string().optional().describe('The worker who owns it (staff of the organisation); the caller by default.'),
		dueOn: z.iso.date('error_date').nullish().describe('A day, YYYY-MM-DD (Europe/Brussels).')
	})
	.meta({ id: 'QuestionRequest' });

const questionPatch = updateQuestionInput
	.omit({ id: true, status: true, ownerUserId: true, dueOn: true, title: true, note: true })
	.extend({
		status: z.enum(QUESTION_STATUSES, 'error_choice').optional().describe('The next status; only the steps the current status allows.'),
		note: z.string().max(500).nullish().describe('Why, kept with the status change.'),
		ownerUserId: z.string().optional(),
		dueOn: z.iso.date('error_date').nullish(),
		title: z.string().max(300).optional()
	})
	.meta({ id: 'QuestionPatch' });

const questionOut = z.object({ id: z.uuid(), status: z.enum(QUESTION_STATUSES) }).meta({ id: 'Question' });

const referralRequest = createReferralInput
	.omit({ questionId: true, contactId: true, overrideReason: true })
	.extend({
		questionId: z.uuid('error_not_found').optional().describe('The question it answers; the question moves to referred.'),
		contactId: z.uuid('error_not_found').optional(),
		overrideReason: z
			.string()
			.max(500)
			.nullish()
			.describe('Required when the person has not consented to sharing with this partner: why you refer anyway (audited).')
	})
	.meta({ id: 'ReferralRequest' });

const referralPatch = z
	.object({
		status: z.enum(REFERRAL_STATUSES, 'error_choice').describe('The next step; a step that skips another is a 422.'),
		reason: z.enum(REFERRAL_REASONS, 'error_choice').nullish().describe('Required for not_helped.'),
		reasonText: z.string().max(500).nullish().describe('Required for the reason other.'),
		note: z.string().max(500).nullish()
	})
	.meta({ id: 'ReferralPatch' });

const referralOut = z.object({ id: z.uuid(), status: z.enum(REFERRAL_STATUSES) }).meta({ id: 'Referral' });

export const FIELDWORK_QUESTION_OPERATIONS: Operation[] = [
	operation({
		method: 'post',
		path: '/questions',
		operationId: 'createQuestion',
		verb: createQuestion,
		request: questionRequest,
		response: questionOut,
		status: 201,
		location: (q: { id: string }) => `/questions/${q.id}`,
		respond: (q: { id: string; status: string }) => ({ id: q.id, status: q.status })
	}),
	operation({
		method: 'patch',
		path: '/questions/{id}',
		operationId: 'updateQuestion',
		verb: updateQuestion,
		request: questionPatch,
		input: ({ params, body }) => ({ ...body, id: params.id }),
		response: questionOut,
		respond: (q: { id: string; status: string }) => ({ id: q.id, status: q.status })
	}),
	operation({
		method: 'post',
		path: '/referrals',
		operationId: 'createReferral',
		verb: createReferral,
		request: referralRequest,
		response: referralOut,
		status: 201,
		location: (r: { id: string }) => `/referrals/${r.id}`,
		respond: (r: { id: string; status: string }) => ({ id: r.id, status: r.status })
	}),
	operation({
		method: 'patch',
		path: '/referrals/{id}',
		operationId: 'updateReferral',
		verb: updateReferral,
		request: referralPatch,
		input: ({ params, body }) => ({ ...body, id: params.id }),
		response: referralOut,
		respond: (r: { id: string; status: string }) => ({ id: r.id, status: r.status })
	})
];
