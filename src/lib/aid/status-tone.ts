// The colour of a status pill on the resident's pages, by what the status means for them: waiting on
// someone (info), going well (success), needs their answer (warning), stopped (neutral). The word on
// the pill carries the meaning; the tone only helps the eye.
type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

const NEED: Record<string, Tone> = {
	review: 'info',
	open: 'info',
	matched: 'success',
	closed: 'neutral',
	withdrawn: 'neutral',
	duplicate: 'neutral'
};
const OFFER: Record<string, Tone> = { review: 'info', active: 'success', paused: 'warning', withdrawn: 'neutral' };
const LINK: Record<string, Tone> = {
	proposed: 'warning',
	accepted: 'success',
	took_place: 'success',
	closed: 'neutral',
	declined: 'neutral',
	cancelled: 'neutral'
};

export const needTone = (status: string): Tone => NEED[status] ?? 'neutral';
export const offerTone = (status: string): Tone => OFFER[status] ?? 'neutral';
export const linkTone = (status: string): Tone => LINK[status] ?? 'neutral';
