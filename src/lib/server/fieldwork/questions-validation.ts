import { z } from 'zod';
import { line, optionalLine } from '../core/index.ts';
import { THEMES } from '../../themes.ts';
import { QUESTION_STATUSES, REFERRAL_REASONS, REFERRAL_STATUSES } from './schema.ts';

// The inputs of the question and referral verbs: the pages' forms and the API send the same shapes.
// A form sends '' for a field left empty; that is "not given", never an invalid id.
const blank = (v: unknown) => (v === '' ? undefined : v);
const optionalId = (message: string) => z.preprocess(blank, z.uuid(message).optional());
const optionalDay = z.preprocess(blank, z.iso.date('error_date').nullish());

export const createQuestionInput = z.object({
	contactId: optionalId('error_not_found'),
	personId: optionalId('error_not_found'),
	title: line(1, 300),
	theme: z.enum(THEMES, 'error_choice'),
	ownerUserId: z.preprocess(blank, z.string().min(1).max(100).optional()),
	dueOn: optionalDay
});

export const updateQuestionInput = z.object({
	id: z.uuid('error_not_found'),
	status: z.preprocess(blank, z.enum(QUESTION_STATUSES, 'error_choice').optional()),
	note: optionalLine(500),
	ownerUserId: z.preprocess(blank, z.string().min(1).max(100).optional()),
	dueOn: optionalDay,
	title: z.preprocess(blank, line(1, 300).optional())
});

export const listQuestionsInput = z
	.object({
		closed: z.preprocess((v) => v === true || v === '1' || v === 'true', z.boolean()).default(false),
		team: z.preprocess((v) => v === true || v === '1' || v === 'true', z.boolean()).default(false)
	})
	.default({ closed: false, team: false });

export const createReferralInput = z.object({
	personId: z.uuid('error_not_found'),
	partnerId: z.uuid('fw_referral_error_partner'),
	questionId: optionalId('error_not_found'),
	contactId: optionalId('error_not_found'),
	overrideReason: optionalLine(500)
});

export const referralPreviewInput = createReferralInput.pick({ personId: true, partnerId: true, questionId: true });

export const updateReferralInput = z.object({
	id: z.uuid('error_not_found'),
	status: z.enum(REFERRAL_STATUSES, 'error_choice'),
	reason: z.preprocess(blank, z.enum(REFERRAL_REASONS, 'error_choice').nullish()),
	reasonText: optionalLine(500),
	note: optionalLine(500)
});
