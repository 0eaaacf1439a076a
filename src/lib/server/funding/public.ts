import { belgianClock, belgianDateOf, daysBetween } from '../core/index.ts';

// The deadline as the public call page says it, counted on the server (the public pages ship no
// JavaScript): whole Belgian calendar days to the closing day, "today at 12:00" on the day itself,
// "closed" after. Pure given `now`.

export type Deadline = { kind: 'not_open'; opensAt: Date } | { kind: 'days'; days: number } | { kind: 'today'; minute: number } | { kind: 'closed' };

export function deadline(call: { status: string; opensAt: Date; closesAt: Date }, now: Date): Deadline {
	if (call.status === 'closed' || call.closesAt.getTime() <= now.getTime()) return { kind: 'closed' };
	if (call.opensAt.getTime() > now.getTime()) return { kind: 'not_open', opensAt: call.opensAt };
	const days = daysBetween(belgianDateOf(now), belgianDateOf(call.closesAt));
	if (days <= 0) return { kind: 'today', minute: belgianClock(call.closesAt).minute };
	return { kind: 'days', days };
}
