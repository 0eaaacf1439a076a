// The fieldwork module's only public door (issue 14). Each part adds its exports in one block.
export { CONTACT_TYPES, CONTACT_ROLES, CONTACT_LIMITS, type ContactType, type ContactRole } from './schema.ts';

// Contacts (part A): the contact log, its list and page, the note read (audited).
export { logContactInput, listContactsInput, listContactsQuery, contactIdInput, type LogContactInput } from './validation.ts';
export { logContact } from './contacts.ts';
export { listContacts, getContact } from './contact-read.ts';
export { readContactNote } from './notes.ts';

// Figures (part E)
export {
	getFieldworkFigures,
	figuresAreaChoices,
	figuresInput,
	figuresQueryFields,
	figuresQuery,
	type FieldworkFigures,
	type FiguresInput
} from './figures.ts';
export { HOME_VISIT_TARGET } from './figures-shape.ts';
export { figuresCsv, figuresXlsx, figuresRows, type FiguresSheetLabels } from './figures-export.ts';

// For the seeds (part F): the demo seed writes a year of fieldwork straight into these tables.
export {
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

// Home, settings and the street log (part D)
export { readHome, type HomeContact } from './home.ts';
export { lastArea, readWorker, updateWorker, updateWorkerInput } from './worker.ts';
export { isDirectContact, OUTREACH_TARGET_HOURS } from './hours.ts';
export { STREET_AGES, STREET_DURATIONS, streetInput, organisationFor, toLogContact } from './street.ts';
