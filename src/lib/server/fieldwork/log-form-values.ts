import { belgianLocalToInstant } from '../core/index.ts';
import { InvalidError } from '../core/index.ts';

// The log form's fields (strings, repeated names as arrays) as logContact's input. Pure: the page's
// action calls it, then the verb, whose own validation gives the messages for bad values.

type Values = Record<string, string | string[]>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== '');
/** A whole number as typed, or NaN (refused by the verb with its message); empty is undefined. */
const int = (v: string) => (v === '' ? undefined : /^-?\d+$/.test(v) ? Number(v) : Number.NaN);

export function contactFromForm(values: Values, organisationId: string) {
	const day = one(values.date);
	const time = one(values.time);
	let startedAt: string | undefined;
	if (day || time) {
		if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new InvalidError({ date: 'error_date' });
		if (!/^\d{2}:\d{2}$/.test(time)) throw new InvalidError({ time: 'fw_contact_error_started_at' });
		try {
			startedAt = belgianLocalToInstant(day, time).toISOString();
		} catch {
			throw new InvalidError({ date: 'error_date' });
		}
	}
	const duration = one(values.duration) === 'other' ? one(values.durationOther) : one(values.duration);
	const newPerson = one(values.newPerson);
	return {
		organisationId,
		areaId: one(values.areaId) || null,
		type: one(values.type),
		startedAt,
		durationMinutes: int(duration) ?? Number.NaN,
		placeId: one(values.placeId) || undefined,
		placeName: one(values.placeName) || undefined,
		themes: many(values.themes),
		people: [...new Set(many(values.people))].map((personId) => ({ personId })),
		newPeople: newPerson ? [{ firstName: newPerson }] : [],
		anonymousCount: int(one(values.anonymousCount)) ?? 0,
		anonymousAgeFrom: int(one(values.ageFrom)),
		anonymousAgeTo: int(one(values.ageTo)),
		mustActUserIds: [...new Set(many(values.mustAct))],
		partnerIds: [...new Set(many(values.partners))],
		note: one(values.note) || undefined,
		noteShareable: one(values.noteShareable) === 'on'
	};
}
