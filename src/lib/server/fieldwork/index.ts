// Fieldwork II (issue 14). Each part adds its exports in one block of its own.
export { CONTACT_TYPES, CONTACT_ROLES, CONTACT_LIMITS, type ContactType, type ContactRole } from './schema.ts';

// Contacts (part A): the contact log, its list and page, the note read (audited).
export { logContactInput, listContactsInput, contactIdInput, type LogContactInput } from './validation.ts';
export { logContact } from './contacts.ts';

// Home, settings and the street log (part D)
export { readHome, type HomeContact } from './home.ts';
export { lastArea, readWorker, updateWorker, updateWorkerInput } from './worker.ts';
export { isDirectContact, OUTREACH_TARGET_HOURS } from './hours.ts';
export { STREET_AGES, STREET_DURATIONS, streetInput, organisationFor, toLogContact } from './street.ts';
