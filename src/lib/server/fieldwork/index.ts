// The fieldwork module's door (issue 14): verbs, inputs and tables other modules and routes use.
// Home, settings and the street log (part D)
export { readHome, type HomeContact } from './home.ts';
export { readWorker, updateWorker, updateWorkerInput } from './worker.ts';
export { isDirectContact, OUTREACH_TARGET_HOURS } from './hours.ts';
