// Funding (issue 16): programmes and calls whose rules are data, applications checked by the pure
// engine (src/lib/funding/rules.ts), the jury, decisions, grants paid in tranches and spending against
// the budget. Reached only through this file.

// — programmes and calls (calls.ts, programmes.ts, templates.ts, public.ts)
export { createProgramme, listProgrammes } from './programmes.ts';
export { createCall, updateCall, publishCall, closeCall } from './calls.ts';
export { getCall, listCalls, type CallView } from './call-read.ts';
export { uploadCallDocument, downloadCallDocument, removeCallDocument } from './documents.ts';
export { callRulesShape, createProgrammeInput, createCallInput } from './call-validation.ts';
export { deadline } from './public.ts';
export * as callForms from './call-forms.ts';
// Tables the demo seed writes; part of this module's public API, so a change to them is a change to its door.
export { fundingProgramme, fundingCall, fundingFile, fundingApplication, fundingApplicationVersion, fundingApplicationEvent } from './schema.ts';

// — applications (applications.ts, submit.ts, application-read.ts, application-access.ts, editors.ts, copy.ts)
export { createApplication, updateApplication, validateApplication } from './applications.ts';
export { submitApplication, withdrawApplication } from './submit.ts';
export { getApplication, listMyApplications, getApplicationVersion, type ApplicationView } from './application-read.ts';
export {
	applicationBodyShape,
	createApplicationInput,
	updateApplicationInput,
	validateApplicationInput,
	submitApplicationInput
} from './application-validation.ts';
export { hasApplications } from './nav.ts';
export { applicationCopyDocx, type CopyInput } from './copy.ts';
export {
	inviteEditor,
	acceptEditorInvite,
	removeEditor,
	listEditors,
	inviteEditorForm,
	removeEditorForm,
	EDITOR_INVITE_DAYS,
	EDITORS_MAX
} from './editors.ts';

// — review: eligibility, the jury, conflicts, scores, decisions (step.ts, review.ts, jury.ts, jury-read.ts, board.ts)
export { checkEligibility, startReview, askInformation, reopenReview, decideApplication } from './review.ts';
export { assignJuror, unassignJuror, declareConflict, scoreApplication } from './jury.ts';
export { listJuryCalls, listJuryApplications, getJuryApplication } from './jury-read.ts';
export { getReviewBoard, getReviewApplication } from './board.ts';
export { declareConflictInput, scoreInput, decideFields } from './review-validation.ts';

// — grants: projects, tranches, expenses, budget amendments (projects.ts, tranches.ts, expenses.ts, amendments.ts)
export { openProject, getProject, getProjectBudget, listProjects } from './projects.ts';
export { planTranche, recordTranche, OverGrantError } from './tranches.ts';
export { recordExpense, downloadExpenseDocument } from './expenses.ts';
export { proposeAmendment, decideAmendment, AmendmentRefusedError } from './amendments.ts';
export { planTrancheInput, recordTrancheInput, recordExpenseInput } from './grant-validation.ts';
export * as grantForms from './grant-forms.ts';
