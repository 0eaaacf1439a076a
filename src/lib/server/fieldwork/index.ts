// Fieldwork II (issue 14): the module's door. Each part adds its exports in its own block.
export { CONTACT_TYPES, QUESTION_STATUSES, REFERRAL_STATUSES, REFERRAL_REASONS, SIGNAL_STATUSES } from './schema.ts';

// Questions and referrals (part B)
export { questionNextSteps, questionClass } from './question-status.ts';
export { referralNextSteps, referralClass } from './referral-status.ts';
export {
	createQuestionInput,
	updateQuestionInput,
	listQuestionsInput,
	createReferralInput,
	referralPreviewInput,
	updateReferralInput
} from './questions-validation.ts';
export { createQuestion, updateQuestion, listQuestions, getQuestion, questionChoices } from './questions.ts';
export { createReferral, updateReferral, referralPreview, listReferrals, referralCounts, getReferral, referralPartners } from './referrals.ts';
