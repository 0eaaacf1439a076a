import { machine } from '../core/index.ts';
import type { SignalStatus } from './schema.ts';

// The one machine of a signal's life: noted → substantiated → escalated → answered → closed. No step
// is skipped, so what policy receives is always backed by evidence and a recorded escalation.
// Decision: a signal may be closed (dropped) from noted or substantiated as well — a worker who
// finds it was a one-off, or that it solved itself, must be able to stop tracking it without
// pretending it was escalated. Escalated ones close only once answered, so an escalation is never
// silently dropped. Nothing leaves closed (reopen is a new signal with the same evidence).

/** What a step needs besides the signal itself. */
export type SignalChange = {
	escalatedTo?: string | null;
	escalatedOn?: string | null;
	answer?: string | null;
};

export const SIGNAL_NEXT: Record<SignalStatus, readonly SignalStatus[]> = {
	noted: ['substantiated', 'closed'],
	substantiated: ['escalated', 'closed'],
	escalated: ['answered'],
	answered: ['closed'],
	closed: []
};
const steps = machine(SIGNAL_NEXT);

/** Field → message key, empty when the step is allowed. `evidence` is counted from the links, never typed. */
export function checkSignalStep(from: SignalStatus, to: SignalStatus, evidence: number, change: SignalChange = {}): Record<string, string> {
	if (from === to) return { status: 'fw_signal_error_same_status' };
	if (!steps.canStep(from, to)) {
		// The clear message for the usual skip: escalating what nobody has substantiated yet.
		if (from === 'noted' && (to === 'escalated' || to === 'answered')) return { status: 'fw_signal_error_substantiate_first' };
		return { status: 'fw_signal_error_step' };
	}
	const errors: Record<string, string> = {};
	if (to === 'substantiated' && evidence < 1) errors.status = 'fw_signal_error_substantiate_first';
	if (to === 'escalated') {
		if (!change.escalatedTo?.trim()) errors.escalatedTo = 'fw_signal_error_escalated_to';
		if (!change.escalatedOn) errors.escalatedOn = 'fw_signal_error_escalated_on';
	}
	if (to === 'answered' && !change.answer?.trim()) errors.answer = 'fw_signal_error_answer';
	return errors;
}

/** The steps a signal may take from `status` (the signal page offers only these). */
export function signalNextSteps(status: SignalStatus): readonly SignalStatus[] {
	return steps.nextSteps(status);
}
