import { z } from 'zod';

// How the API writes days and times (docs/api.md): weekdays ISO 8601, 1 = Monday … 7 = Sunday, and
// times "HH:MM" (24-hour, "24:00" only as an end). Inside Wijkweb a weekly window is day 0–6 and
// minutes after midnight; these schemas turn one into the other at the API's edge, both ways.

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export const apiTime = z
	.string()
	.regex(HHMM, 'aid_error_time')
	.meta({ description: 'A time of day, "HH:MM" (24-hour; "24:00" is the end of the day).', example: '09:30' });

export const apiWeekday = z
	.number()
	.int('error_choice')
	.min(1, 'error_choice')
	.max(7, 'error_choice')
	.meta({ description: 'A weekday, ISO 8601: 1 = Monday … 7 = Sunday.' });

export const toMinutes = (t: string) => (t === '24:00' ? 1440 : Number(t.slice(0, 2)) * 60 + Number(t.slice(3)));
export const toHhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** A weekly window as the API sends and answers it. */
export const apiWindow = z
	.object({ day: apiWeekday, start: apiTime, end: apiTime })
	.meta({ id: 'WeeklyWindow', description: 'Every week on this weekday, from start to end (Europe/Brussels time).' });
export type ApiWindow = z.infer<typeof apiWindow>;

export const windowIn = (w: ApiWindow) => ({ day: w.day - 1, start: toMinutes(w.start), end: toMinutes(w.end) });
export const windowOut = (w: { day: number; start: number; end: number }): ApiWindow => ({
	day: w.day + 1,
	start: toHhmm(w.start),
	end: toHhmm(w.end)
});

/** A particular day, with an optional time range (both or neither). */
export const apiDate = z
	.object({
		date: z.iso.date('error_date').meta({ description: 'A day, YYYY-MM-DD (Europe/Brussels).' }),
		start: apiTime.optional(),
		end: apiTime.optional()
	})
	.meta({ id: 'DayWindow', description: 'A particular day; start and end both or neither (then any time that day).' });
export type ApiDate = z.infer<typeof apiDate>;

export const dateIn = (d: ApiDate) => ({
	date: d.date,
	...(d.start !== undefined ? { start: toMinutes(d.start) } : {}),
	...(d.end !== undefined ? { end: toMinutes(d.end) } : {})
});
export const dateOut = (d: { date: string; start?: number; end?: number }): ApiDate => ({
	date: d.date,
	...(d.start !== undefined ? { start: toHhmm(d.start) } : {}),
	...(d.end !== undefined ? { end: toHhmm(d.end) } : {})
});
