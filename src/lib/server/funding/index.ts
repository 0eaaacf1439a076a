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
export { fundingProgramme, fundingCall, fundingFile } from './schema.ts';

// — applications (applications.ts, submit.ts, editors.ts, copy.ts)

// — review: eligibility, the jury, conflicts, scores, decisions (review.ts, jury.ts, decisions.ts)

// — grants: projects, tranches, expenses, budget amendments (projects.ts, tranches.ts, expenses.ts, amendments.ts)
export { openProject, getProject, getProjectBudget, listProjects } from './projects.ts';
export { planTranche, recordTranche, OverGrantError } from './tranches.ts';
export { recordExpense, downloadExpenseDocument } from './expenses.ts';
export { proposeAmendment, decideAmendment, AmendmentRefusedError } from './amendments.ts';
export { planTrancheInput, recordTrancheInput, recordExpenseInput } from './grant-validation.ts';
export * as grantForms from './grant-forms.ts';
export { fundingApplication, fundingApplicationVersion } from './schema.ts';
