import { z } from 'zod';
import {
	QUESTION_STATUSES,
	REFERRAL_REASONS,
	REFERRAL_STATUSES,
	createQuestion,
	createQuestionInput,
	createReferral,
	createReferralInput,
	getQuestion,
	getReferral,
	updateQuestion,
	updateQuestionInput,
	updateReferral
} from '../fieldwork/index.ts';
import { THEMES } from '../../themes.ts';
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

const when = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

const questionDetail = z
	.object({
		id: z.uuid(),
		title: z.string(),
		theme: z.enum(THEMES),
		status: z.enum(QUESTION_STATUSES),
		dueOn: z.iso.date().nullable(),
		ownerUserId: z.string().nullable(),
		ownerName: z.string().nullable(),
		personId: z.uuid().nullable(),
		contactId: z.uuid().nullable(),
		organisationId: z.uuid(),
		areaId: z.uuid().nullable(),
		createdAt: z.iso.datetime(),
		closedAt: z.iso.datetime().nullable(),
		history: z
			.array(
				z.object({
					fromStatus: z.enum(QUESTION_STATUSES).nullable(),
					toStatus: z.enum(QUESTION_STATUSES),
					at: z.iso.datetime(),
					byName: z.string().nullable(),
					note: z.string().nullable()
				})
			)
			.describe('Every status change, oldest first.')
	})
	.meta({ id: 'QuestionDetail' });

type QuestionRead = Awaited<ReturnType<typeof getQuestion>>;
const questionDetailOut = (q: QuestionRead) => ({
	id: q.id,
	title: q.title,
	theme: q.theme,
	status: q.status,
	dueOn: q.dueOn,
	ownerUserId: q.ownerUserId,
	ownerName: q.ownerName,
	personId: q.personId,
	contactId: q.contactId,
	organisationId: q.organisationId,
	areaId: q.areaId,
	createdAt: when(q.createdAt)!,
	closedAt: when(q.closedAt),
	history: q.history.map((h) => ({ fromStatus: h.fromStatus, toStatus: h.toStatus, at: when(h.at)!, byName: h.byName, note: h.note }))
});

const referralDetail = z
	.object({
		id: z.uuid(),
		status: z.enum(REFERRAL_STATUSES),
		reason: z.enum(REFERRAL_REASONS).nullable(),
		reasonText: z.string().nullable(),
		partnerId: z.uuid().nullable(),
		partnerName: z.string().nullable(),
		personId: z.uuid(),
		questionId: z.uuid().nullable(),
		shared: z.record(z.string(), z.string()).describe('Exactly what was shared with the partner.'),
		consentOverridden: z.boolean().describe('Referred without the person’s consent, with a recorded reason.'),
		createdAt: z.iso.datetime(),
		closedAt: z.iso.datetime().nullable(),
		history: z.array(
			z.object({
				fromStatus: z.enum(REFERRAL_STATUSES).nullable(),
				toStatus: z.enum(REFERRAL_STATUSES),
				at: z.iso.datetime(),
				byName: z.string().nullable(),
				note: z.string().nullable()
			})
		)
	})
	.meta({ id: 'ReferralDetail' });

type ReferralRead = Awaited<ReturnType<typeof getReferral>>;
const referralDetailOut = (r: ReferralRead) => ({
	id: r.id,
	status: r.status,
	reason: r.reason,
	reasonText: r.reasonText,
	partnerId: r.partnerId,
	partnerName: r.partnerName,
	personId: r.personId,
	questionId: r.questionId,
	shared: r.shared,
	consentOverridden: r.overrideReason !== null,
	createdAt: when(r.createdAt)!,
	closedAt: when(r.closedAt),
	history: r.history.map((h) => ({ fromStatus: h.fromStatus, toStatus: h.toStatus, at: when(h.at)!, byName: h.byName, note: h.note }))
});

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
		method: 'get',
		path: '/questions/{id}',
		operationId: 'getQuestion',
		verb: getQuestion,
		response: questionDetail,
		respond: questionDetailOut
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
		method: 'get',
		path: '/referrals/{id}',
		operationId: 'getReferral',
		verb: getReferral,
		response: referralDetail,
		respond: referralDetailOut
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
