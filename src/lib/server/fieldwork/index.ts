// Fieldwork II (issue 14): the module's only public door. Each part adds its exports in its own block.

// Signals (part C)
export {
	createSignal,
	linkSignalEvidence,
	unlinkSignalEvidence,
	updateSignal,
	listSignals,
	getSignal,
	changeSignalStatus,
	evidenceCounts
} from './signals.ts';
export { countEvidence, type EvidenceCount } from './signal-evidence.ts';
export { SIGNAL_NEXT, checkSignalStep, nextSignalSteps } from './signal-status.ts';
export { SIGNAL_STATUSES } from './schema.ts';
export { createSignalInput, linkSignalInput, listSignalsInput, updateSignalInput, signalIdInput, unlinkSignalInput } from './signal-validation.ts';
