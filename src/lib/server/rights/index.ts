export { rightsOverview, exportPerson, consultationLog, erasePerson, archivePerson } from './verbs.ts';
export { exportOwnData, ownErasureRequest, askErasure, listErasureRequests, refuseErasure } from './requests.ts';
export { erasePersonData, ERASURE_DECISIONS, ERASED_NAME, type ErasureCounts } from './erase.ts';
export { personReferences } from './catalog.ts';
export { type PersonExport } from './export.ts';
export { type ConsultationEntry } from './consultation.ts';
export { eraseForm, archiveForm, refuseForm, eraseInput, consultationInput } from './validation.ts';
