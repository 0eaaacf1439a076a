export { rightsOverview, exportPerson, consultationLog, erasePerson, archivePerson } from './verbs.ts';
export { exportOwnData, ownErasureRequest, askErasure, listErasureRequests, refuseErasure } from './requests.ts';
// For the retention job (privacy/): the same erasure, in its own transaction, with its own audit row.
export { erasePersonData, ERASURE_DECISIONS } from './erase.ts';
export { personReferences } from './catalog.ts';
export { type PersonExport } from './export.ts';
export { eraseForm, archiveForm, refuseInput } from './validation.ts';
