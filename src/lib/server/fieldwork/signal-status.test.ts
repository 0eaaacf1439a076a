import { describe, expect, it } from 'vitest';
import { SIGNAL_STATUSES, type SignalStatus } from './schema.ts';
import { checkSignalStep } from './signal-status.ts';

// Every pair of statuses, with everything a step could need: allowed exactly where the table says.
const ALLOWED: ReadonlyArray<readonly [SignalStatus, SignalStatus]> = [
	['noted', 'substantiated'],
	['noted', 'closed'],
	['substantiated', 'escalated'],
	['substantiated', 'closed'],
	['escalated', 'answered'],
	['answered', 'closed']
];
const full = { escalatedTo: 'OCMW Gent, dienst welzijn', escalatedOn: '2026-11-30', answer: 'Extra balie vanaf januari' };

describe('the signal machine', () => {
	for (const from of SIGNAL_STATUSES)
		for (const to of SIGNAL_STATUSES) {
			const allowed = ALLOWED.some(([f, t]) => f === from && t === to);
			it(`${from} → ${to}: ${allowed ? 'allowed' : 'refused'}`, () => {
				const errors = checkSignalStep(from, to, 3, full);
				if (allowed) expect(errors).toEqual({});
				else expect(errors.status).toMatch(/^fw_signal_error_/);
			});
		}

	it('refuses escalating a noted signal with the substantiate-first message', () => {
		expect(checkSignalStep('noted', 'escalated', 3, full)).toEqual({ status: 'fw_signal_error_substantiate_first' });
	});

	it('refuses substantiating without evidence', () => {
		expect(checkSignalStep('noted', 'substantiated', 0)).toEqual({ status: 'fw_signal_error_substantiate_first' });
		expect(checkSignalStep('noted', 'substantiated', 1)).toEqual({});
	});

	it('asks to whom and when for an escalation, and the answer for answered', () => {
		expect(checkSignalStep('substantiated', 'escalated', 2, {})).toEqual({
			escalatedTo: 'fw_signal_error_escalated_to',
			escalatedOn: 'fw_signal_error_escalated_on'
		});
		expect(checkSignalStep('substantiated', 'escalated', 2, { escalatedTo: '  ', escalatedOn: '2026-11-30' })).toEqual({
			escalatedTo: 'fw_signal_error_escalated_to'
		});
		expect(checkSignalStep('escalated', 'answered', 2, { answer: '' })).toEqual({ answer: 'fw_signal_error_answer' });
	});
});

describe('the next steps the signal page offers', () => {
	it('are exactly the machine’s allowed steps, and nothing after closed', async () => {
		const { signalNextSteps } = await import('./signal-status.ts');
		expect(signalNextSteps('noted')).toEqual(['substantiated', 'closed']);
		expect(signalNextSteps('escalated')).toEqual(['answered']);
		expect(signalNextSteps('closed')).toEqual([]);
	});
});
