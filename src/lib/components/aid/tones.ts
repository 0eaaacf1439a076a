// The colour of a status pill, by what the status means to the facilitator: waiting for a look
// (warning), in progress (info), done (success), ended (neutral). The word always says it too.
type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

const NEED: Record<string, Tone> = { review: 'warning', open: 'info', matched: 'success', closed: 'neutral' };
const LINK: Record<string, Tone> = {
	proposed: 'info',
	accepted: 'success',
	took_place: 'success',
	closed: 'neutral',
	declined: 'warning',
	cancelled: 'neutral'
};

export const needTone = (status: string): Tone => NEED[status] ?? 'neutral';
export const linkTone = (status: string): Tone => LINK[status] ?? 'neutral';
