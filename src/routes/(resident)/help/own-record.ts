import { hhmm } from '#lib/server/aid/index.ts';

// Shared by the pages of one own need or offer: a stored record turned back
// into the flat values the need / offer form (AidForm) is filled with.

type Stored = {
	category: string;
	title: string;
	description: string | null;
	areaId: string;
	lat: number | null;
	lon: number | null;
	windows: { day: number; start: number; end: number }[];
	dates: { date: string; start?: number; end?: number }[];
	languages: string[];
	frequency?: string;
	safeguarded?: boolean;
	capacity?: number;
};

export function formValuesOf(r: Stored): Record<string, string> {
	const v: Record<string, string> = {
		category: r.category,
		title: r.title,
		description: r.description ?? '',
		areaId: r.areaId,
		languages: r.languages.join(',')
	};
	r.windows.forEach((w, i) => {
		v[`w${i}_day`] = String(w.day);
		v[`w${i}_start`] = hhmm(w.start);
		v[`w${i}_end`] = hhmm(w.end);
	});
	r.dates.forEach((d, i) => {
		v[`d${i}_date`] = d.date;
		if (d.start !== undefined) v[`d${i}_start`] = hhmm(d.start);
		if (d.end !== undefined) v[`d${i}_end`] = hhmm(d.end);
	});
	if (r.lat !== null && r.lon !== null) {
		v.lat = String(r.lat);
		v.lon = String(r.lon);
	}
	if (r.frequency !== undefined) v.frequency = r.frequency;
	if (r.safeguarded) v.safeguarded = 'on';
	if (r.capacity !== undefined) v.capacity = String(r.capacity);
	return v;
}
