import { m } from '#lib/paraglide/messages.js';

// What happens next with one's own need or offer, in words, under its status pill on "My help".

const NEED: Record<string, () => string> = {
	review: m.aid_next_need_review,
	open: m.aid_next_need_open,
	matched: m.aid_next_need_matched,
	closed: m.aid_next_need_closed,
	withdrawn: m.aid_next_stopped,
	duplicate: m.aid_next_stopped
};

const OFFER: Record<string, () => string> = {
	review: m.aid_next_offer_review,
	active: m.aid_next_offer_active,
	paused: m.aid_next_offer_paused,
	withdrawn: m.aid_next_stopped
};

export const needNextStep = (status: string) => (NEED[status] ?? m.aid_next_stopped)();
export const offerNextStep = (status: string) => (OFFER[status] ?? m.aid_next_stopped)();
