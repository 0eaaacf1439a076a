// Fieldwork II (issue 14): the module's door. Each part adds its exports in a block of its own.
// The tables too, for the seeds (part F: the demo seed writes a year of fieldwork straight into them).
export {
	CONTACT_TYPES,
	QUESTION_STATUSES,
	REFERRAL_STATUSES,
	REFERRAL_REASONS,
	SIGNAL_STATUSES,
	fieldworkContact,
	fieldworkContactParty,
	fieldworkWorker,
	fieldworkQuestion,
	fieldworkQuestionEvent,
	fieldworkReferral,
	fieldworkReferralEvent,
	fieldworkSignal,
	fieldworkSignalEvidence,
	fieldworkSignalEvent
} from './schema.ts';

// Contacts (part A): the contact log, its list and page, the note read (audited).
export { logContactInput, listContactsQuery } from './validation.ts';
export { logContact } from './contacts.ts';
export { listContacts, getContact } from './contact-read.ts';
export { readContactNote } from './notes.ts';
export { logChoices } from './log-form.ts';
export { contactFromForm } from './log-form-values.ts';

// Questions and referrals (part B)
export { questionNextSteps } from './question-status.ts';
export { referralNextSteps } from './referral-status.ts';
export { createQuestionInput, updateQuestionInput, createReferralInput, updateReferralInput } from './questions-validation.ts';
export { createQuestion, updateQuestion, listQuestions, getQuestion, questionChoices } from './questions.ts';
export { createReferral, updateReferral, referralPreview, listReferrals, referralCounts, getReferral, referralPartners } from './referrals.ts';

// Home, settings and the street log (part D)
export { readHome } from './home.ts';
export { lastArea, readWorker, updateWorker, updateWorkerInput } from './worker.ts';

export { STREET_AGES, STREET_DURATIONS, streetInput, organisationFor, toLogContact } from './street.ts';

// Figures (part E)
export { getFieldworkFigures, figuresAreaChoices, figuresInput, figuresQuery, type FieldworkFigures } from './figures.ts';
export { HOME_VISIT_TARGET } from './figures-shape.ts';
export { figuresCsv, figuresXlsx, type FiguresSheetLabels } from './figures-export.ts';

// Signals (part C)
export { createSignal, linkSignalEvidence, unlinkSignalEvidence, updateSignal, listSignals, getSignal } from './signals.ts';
export { countEvidence } from './signal-evidence.ts';

// Signals pages (part S): the forms' inputs, their choices and the next steps.
export { createSignalInput, linkSignalInput, unlinkSignalInput, updateSignalInput, listSignalsInput } from './signal-validation.ts';
export { signalChoices } from './signal-choices.ts';
export { signalNextSteps } from './signal-status.ts';

// Anonymised signals export (part X): CSV and DOCX for a steering group, no names, "<5".
export { exportSignals, EXPORT_FORMATS } from './signal-export.ts';

// Indicators (issue 15, the indicators part): fieldwork's metrics for the indicators registry.
export { FIELDWORK_METRICS, DIRECT_CONTACT_TYPES } from './metrics.ts';
