import { m } from '../paraglide/messages.js';
import type { ApplicationStatus } from './types.ts';

// An application's status in the page's language, and the tone of its pill (the word carries the
// meaning; the colour only repeats it). Shared by the applicant's, the officer's and the jury's pages.

const LABEL: Record<ApplicationStatus, () => string> = {
	draft: m.fund_app_status_draft,
	submitted: m.fund_app_status_submitted,
	eligible: m.fund_app_status_eligible,
	ineligible: m.fund_app_status_ineligible,
	in_review: m.fund_app_status_in_review,
	awaiting_information: m.fund_app_status_awaiting_information,
	granted: m.fund_app_status_granted,
	rejected: m.fund_app_status_rejected,
	withdrawn: m.fund_app_status_withdrawn
};
export const applicationStatusLabel = (s: ApplicationStatus) => LABEL[s]();

type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';
const TONE: Record<ApplicationStatus, Tone> = {
	draft: 'neutral',
	submitted: 'info',
	eligible: 'info',
	ineligible: 'danger',
	in_review: 'info',
	awaiting_information: 'warning',
	granted: 'success',
	rejected: 'danger',
	withdrawn: 'neutral'
};
export const applicationStatusTone = (s: ApplicationStatus) => TONE[s];
