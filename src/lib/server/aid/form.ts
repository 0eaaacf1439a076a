// Pure: a need or offer form (flat fields, works without JavaScript) → the nested input the verbs take.
// Weekly windows are rows w0_day/w0_start/w0_end … w2_*; a row left empty is skipped, a half-filled
// row is kept so that validation says what is missing instead of silently dropping it.

export const WINDOW_ROWS = 3;

/** "09:30" → 570; "24:00" → 1440; anything else → NaN (refused by the schema with a clear message). */
export function minutes(hhmm: string): number {
	const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
	if (!m) return Number.NaN;
	const h = Number(m[1]);
	const min = Number(m[2]);
	if (h > 24 || min > 59 || (h === 24 && min > 0)) return Number.NaN;
	return h * 60 + min;
}

/** 570 → "09:30" (for re-filling a form). */
export function hhmm(mins: number): string {
	return `${String(Math.floor(mins / 60)).padStart(2, '0')}:${String(mins % 60).padStart(2, '0')}`;
}

type Values = Record<string, string | string[]>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? v.split(',') : []).map((s) => s.trim()).filter(Boolean);

export function fromForm(values: Values, personId: string): Record<string, unknown> {
	const windows = [];
	for (let i = 0; i < WINDOW_ROWS; i++) {
		const day = one(values[`w${i}_day`]);
		const start = one(values[`w${i}_start`]);
		const end = one(values[`w${i}_end`]);
		if (!day && !start && !end) continue;
		windows.push({ day: day === '' ? Number.NaN : Number(day), start: minutes(start), end: minutes(end) });
	}
	const lat = one(values.lat);
	const lon = one(values.lon);
	const out: Record<string, unknown> = {
		personId,
		category: one(values.category),
		title: one(values.title),
		areaId: one(values.areaId),
		windows,
		languages: many(values.languages),
		safeguarded: one(values.safeguarded) === 'on',
		point: lat || lon ? { lat, lon } : null
	};
	const description = one(values.description);
	if (description.trim()) out.description = description;
	if (values.frequency !== undefined) out.frequency = one(values.frequency);
	if (values.capacity !== undefined) out.capacity = one(values.capacity);
	return out;
}
