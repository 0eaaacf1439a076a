// Fieldwork II (issue 14). Each part adds its exports in one block of its own.
export { CONTACT_TYPES, CONTACT_ROLES, CONTACT_LIMITS, type ContactType, type ContactRole } from './schema.ts';

// Contacts (part A): the contact log, its list and page, the note read (audited).
export { logContactInput, listContactsInput, listContactsQuery, contactIdInput, type LogContactInput } from './validation.ts';
export { logContact } from './contacts.ts';
export { listContacts, getContact } from './contact-read.ts';
export { readContactNote } from './notes.ts';
export { logChoices } from './log-form.ts';
export { contactFromForm } from './log-form-values.ts';
