// Pure: a need or offer form (flat fields, works without JavaScript) → the nested input the verbs take.
// Weekly windows are rows w0_day/w0_start/w0_end … w2_*; a row left empty is skipped, a half-filled
// row is kept so that validation says what is missing instead of silently dropping it.
// Specific days are rows d0_date/d0_start/d0_end … d1_*, read the same way; their times are optional.
// The optional point comes from clicking a map (<input type="image" name="map">), which submits the whole
// form with map.x/map.y: that submission sets the point and re-renders the form, it never saves.
import { contains, fitProjection, MAP_SIZE, roundPoint, unproject, type Boundary, type LatLon } from '../../aid/map.ts';

export const WINDOW_ROWS = 3;
export const DATE_ROWS = 2;

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
	const dates = [];
	for (let i = 0; i < DATE_ROWS; i++) {
		const date = one(values[`d${i}_date`]).trim();
		const start = one(values[`d${i}_start`]).trim();
		const end = one(values[`d${i}_end`]).trim();
		if (!date && !start && !end) continue;
		// An empty time is "not said" (the whole day), never midnight.
		dates.push({ date, start: start ? minutes(start) : undefined, end: end ? minutes(end) : undefined });
	}
	const lat = one(values.lat);
	const lon = one(values.lon);
	const out: Record<string, unknown> = {
		personId,
		category: one(values.category),
		title: one(values.title),
		areaId: one(values.areaId),
		windows,
		dates,
		languages: many(values.languages),
		safeguarded: one(values.safeguarded) === 'on',
		// Half a point is refused, not completed with 0 (which coercion would make of an empty field).
		point: lat || lon ? { lat: lat.trim() === '' ? Number.NaN : lat, lon: lon.trim() === '' ? Number.NaN : lon } : null
	};
	const description = one(values.description);
	if (description.trim()) out.description = description;
	if (values.frequency !== undefined) out.frequency = one(values.frequency);
	if (values.capacity !== undefined) out.capacity = one(values.capacity);
	return out;
}

/** The form fields that only steer the point picker, never data to keep or echo. */
export const MAP_CONTROLS = ['map.x', 'map.y', 'point'];

/**
 * What a submission of the need / offer form asks for: `click` (the map was clicked: set the point),
 * `clear` (the "remove the point" button) or `save` (the save button, or Enter in a field).
 */
export function mapIntent(values: Values): 'save' | 'clear' | 'click' {
	if (one(values.point) === 'clear') return 'clear';
	if (values['map.x'] !== undefined || values['map.y'] !== undefined) return 'click';
	return 'save';
}

export type MapClick = { point: LatLon } | { error: 'map_error_outside' | 'map_error_keyboard' | 'map_error_click' };

const PIXEL = /^\d{1,4}(\.\d{1,3})?$/;

/**
 * A click on the map (CSS pixels of the MAP_SIZE × MAP_SIZE picture) → a place inside the boundary.
 * Keyboard activation of an image button sends 0,0: the picture's corner, never inside (the outline
 * keeps a margin), so it gets its own message saying the point is optional.
 */
export function pointFromClick(values: Values, boundary: Boundary): MapClick {
	const rawX = one(values['map.x']).trim();
	const rawY = one(values['map.y']).trim();
	if (!PIXEL.test(rawX) || !PIXEL.test(rawY)) return { error: 'map_error_click' };
	const x = Number(rawX);
	const y = Number(rawY);
	if (x === 0 && y === 0) return { error: 'map_error_keyboard' };
	if (x > MAP_SIZE || y > MAP_SIZE) return { error: 'map_error_click' };
	const point = roundPoint(unproject(fitProjection(boundary), x, y));
	return contains(boundary, point) ? { point } : { error: 'map_error_outside' };
}

/** Whether a point given with the form lies in the chosen area (when that area has a boundary to check against). */
export const pointInArea = (point: LatLon, boundary: Boundary | null) => boundary === null || contains(boundary, point);
