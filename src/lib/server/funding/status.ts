import { machine } from '../core/index.ts';
import type { ApplicationStatus } from '../../funding/types.ts';

// An application's statuses: the one table of allowed steps (core/machine.ts), so the buttons a page
// shows and the steps a verb accepts cannot drift apart. "Awaiting information" is the officer reopening
// the application: the applicant may edit it then, and answering freezes a new version.
export const applicationMachine = machine<ApplicationStatus>({
	draft: ['submitted', 'withdrawn'],
	submitted: ['eligible', 'ineligible', 'withdrawn'],
	eligible: ['in_review', 'withdrawn'],
	in_review: ['awaiting_information', 'granted', 'rejected', 'withdrawn'],
	awaiting_information: ['in_review', 'withdrawn'],
	ineligible: [],
	granted: [],
	rejected: [],
	withdrawn: []
});

/** The steps the applicant takes; every other step is the officer's. */
export const APPLICANT_STEPS: ReadonlySet<ApplicationStatus> = new Set(['submitted', 'withdrawn']);

/** Statuses in which the applicant may edit the application (and co-editors with them). */
export const EDITABLE: ReadonlySet<ApplicationStatus> = new Set(['draft', 'awaiting_information']);

/** Open: not decided, not withdrawn. */
export const isOpen = (s: ApplicationStatus) => applicationMachine.nextSteps(s).length > 0;
