import { z } from 'zod';
import { line, pageFields } from '../core/index.ts';
import { CATEGORY_CODES } from './categories.ts';
import { CERTIFICATE_MAX_YEARS } from './certificate-dates.ts';
import { addYears, BELGIAN_ZONE, todayInBelgium } from '../core/index.ts';
import type { DateItem } from './scoring.ts';

// What a need or an offer may say, for forms and the API alike. Every refusal is a message key.

const MAX_TEXT = 1000;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/; // eslint-disable-line no-control-regex -- newlines are fine here

/** A short free text (a few lines): trimmed, at most 1 000 characters, no control characters but newlines. */
export const shortText = z
	.string()
	.trim()
	.min(1, 'error_required')
	.max(MAX_TEXT, 'error_too_long')
	.refine((v) => !CONTROL.test(v), 'error_characters');

/** A weekly window: day 0 (Monday) … 6, minutes since midnight, ending after it starts. */
export const windowInput = z
	.object({
		day: z.coerce.number().int().min(0, 'error_choice').max(6, 'error_choice'),
		start: z.coerce.number().int().min(0, 'aid_error_time').max(1439, 'aid_error_time'),
		end: z.coerce.number().int().min(1, 'aid_error_time').max(1440, 'aid_error_time')
	})
	.refine((w) => w.end > w.start, { message: 'aid_error_window_order', path: ['end'] });

/** Several windows, none overlapping another on the same day (touching is fine: 9–10 and 10–11). */
export const windowsInput = z
	.array(windowInput)
	.max(21, 'error_too_long')
	.superRefine((ws, ctx) => {
		const sorted = [...ws].sort((a, b) => a.day - b.day || a.start - b.start);
		for (let i = 1; i < sorted.length; i++) {
			const prev = sorted[i - 1]!;
			const cur = sorted[i]!;
			if (prev.day === cur.day && cur.start < prev.end) {
				ctx.addIssue({ code: 'custom', message: 'aid_error_window_overlap' });
				return;
			}
		}
	});

/** At most this many specific days per need or offer: a few appointments, not a calendar. */
export const MAX_DATES = 5;
/** How far ahead a specific day may lie. */
export const DATES_MAX_YEARS = 1;

const realDay = z.iso.date('error_date');
const minuteField = (min: number, max: number) =>
	z.coerce.number({ error: 'aid_error_time' }).int('aid_error_time').min(min, 'aid_error_time').max(max, 'aid_error_time').optional();

/**
 * One specific day with an optional time range: both of start and end, or neither (then any time
 * that day). The day is a real one, from today (in Belgium) to a year ahead; checked when parsed.
 */
export const dateInput = z
	.object(
		{
			date: z
				.string({ error: 'error_date' })
				.trim()
				.min(1, 'error_required')
				.pipe(realDay)
				.meta({ description: `A day, YYYY-MM-DD, from today (${BELGIAN_ZONE}) to one year ahead.`, format: 'date' }),
			start: minuteField(0, 1439),
			end: minuteField(1, 1440)
		},
		{ error: 'error_date' }
	)
	.meta({ description: 'A specific day; start and end (minutes since midnight) both or neither: without them, any time that day.' })
	.superRefine((d, ctx) => {
		const today = todayInBelgium();
		// Runs even when the day is malformed (zod keeps going after a format issue): compare only real days.
		if (realDay.safeParse(d.date).success) {
			if (d.date < today) ctx.addIssue({ code: 'custom', message: 'aid_error_date_past', path: ['date'] });
			else if (d.date > addYears(today, DATES_MAX_YEARS)) ctx.addIssue({ code: 'custom', message: 'aid_error_date_far', path: ['date'] });
		}
		if ((d.start === undefined) !== (d.end === undefined))
			ctx.addIssue({ code: 'custom', message: 'aid_error_date_times', path: [d.start === undefined ? 'start' : 'end'] });
		else if (d.start !== undefined && d.end !== undefined && d.end <= d.start)
			ctx.addIssue({ code: 'custom', message: 'aid_error_window_order', path: ['end'] });
	})
	// Only the keys that mean something are kept: {date} or {date, start, end}.
	.transform((d): DateItem => (d.start !== undefined && d.end !== undefined ? { date: d.date, start: d.start, end: d.end } : { date: d.date }));

const dateKey = (d: DateItem) => `${d.date}|${d.start ?? ''}|${d.end ?? ''}`;

/** Up to five specific days, none given twice; kept in calendar order. */
export const datesInput = z
	.array(dateInput, { error: 'error_date' })
	.max(MAX_DATES, 'aid_error_dates_too_many')
	.superRefine((ds, ctx) => {
		const seen = new Set<string>();
		for (const [i, d] of ds.entries()) {
			if (seen.has(dateKey(d))) ctx.addIssue({ code: 'custom', message: 'aid_error_date_duplicate', path: [i, 'date'] });
			seen.add(dateKey(d));
		}
	})
	.transform((ds) => [...ds].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (a.start ?? -1) - (b.start ?? -1))));

export const pointInput = z.object({
	lat: z.coerce.number({ error: 'aid_error_coordinates' }).min(-90, 'aid_error_coordinates').max(90, 'aid_error_coordinates'),
	lon: z.coerce.number({ error: 'aid_error_coordinates' }).min(-180, 'aid_error_coordinates').max(180, 'aid_error_coordinates')
});

const languages = z
	.array(z.string().regex(/^[a-z]{2,3}$/, 'error_choice'))
	.max(10, 'error_too_long')
	.transform((ls) => [...new Set(ls)]);

const common = {
	category: z.enum(CATEGORY_CODES as [string, ...string[]], { message: 'aid_error_category' }),
	title: line(3, 120),
	description: shortText.optional(),
	areaId: z.uuid('error_required'),
	point: pointInput.nullish(),
	windows: windowsInput.default([]),
	// Optional for callers that build the input themselves (the walk-in, tests); stored as [] when absent.
	dates: datesInput.optional(),
	languages: languages.default([])
};

export const createNeedInput = z.object({
	personId: z.uuid('error_required'),
	...common,
	frequency: z.enum(['once', 'weekly', 'monthly', 'other'], { message: 'error_choice' }).default('once'),
	/** Help with children or inside someone's home (matched only to volunteers with a valid certificate). */
	safeguarded: z.boolean().default(false)
});

export const createOfferInput = z.object({
	personId: z.uuid('error_required'),
	...common,
	/** How many links at once: 1 to 20 (a volunteer, not an agency). */
	capacity: z.coerce.number().int().min(1, 'aid_error_capacity').max(20, 'aid_error_capacity')
});

const reasonText = z
	.string()
	.trim()
	.max(300, 'error_too_long')
	.refine((v) => !CONTROL.test(v), 'error_characters')
	.transform((v) => (v === '' ? null : v))
	.nullish();

export const linkIdInput = z.object({ linkId: z.uuid('error_not_found') });

export const proposeLinkInput = z.object({ needId: z.uuid('error_not_found'), offerId: z.uuid('error_not_found') });

/** An answer to a proposed link; `side` only when a facilitator answers for someone without an account. */
export const respondInput = z.object({
	linkId: z.uuid('error_not_found'),
	answer: z.enum(['accept', 'decline'], { message: 'error_choice' }),
	reason: reasonText,
	side: z
		.enum(['need', 'offer'], { message: 'error_choice' })
		.optional()
		.or(z.literal('').transform(() => undefined))
});

export const endLinkInput = z
	.object({
		linkId: z.uuid('error_not_found'),
		to: z.enum(['closed', 'cancelled'], { message: 'error_choice' }),
		reason: reasonText
	})
	// A cancellation always says why: the facilitator reads it when the need comes back to the queue.
	.refine((v) => v.to !== 'cancelled' || !!v.reason, { message: 'aid_error_reason_required', path: ['reason'] });

export const feedbackInput = z.object({
	linkId: z.uuid('error_not_found'),
	rating: z.coerce.number().int().min(1, 'error_choice').max(3, 'error_choice'),
	comment: reasonText
});

const isoDay = z.iso.date('error_date');
/** A whole day, 'YYYY-MM-DD' (what <input type="date"> sends); empty or absent is "required". */
const certificateDay = z.string('error_required').trim().min(1, 'error_required').pipe(isoDay);

/** Checked on a day that has come (in Belgium), valid after it for at most five years. */
function certificateDates(v: { checkedOn: string; validUntil: string }, ctx: z.RefinementCtx) {
	// Runs even when a date is malformed (zod keeps going after a format issue): compare only real days.
	const checked = isoDay.safeParse(v.checkedOn).success ? v.checkedOn : null;
	const until = isoDay.safeParse(v.validUntil).success ? v.validUntil : null;
	if (checked && checked > todayInBelgium()) ctx.addIssue({ code: 'custom', message: 'cert_error_future', path: ['checkedOn'] });
	if (!checked || !until) return;
	if (until <= checked) ctx.addIssue({ code: 'custom', message: 'aid_error_certificate_dates', path: ['validUntil'] });
	else if (until > addYears(checked, CERTIFICATE_MAX_YEARS)) ctx.addIssue({ code: 'custom', message: 'cert_error_too_long', path: ['validUntil'] });
}

const certificateFields = z.object({ checkedOn: certificateDay, validUntil: certificateDay });

/** A good-conduct certificate seen by a facilitator: only its dates (the form, and the API body). */
export const certificateBody = certificateFields.superRefine(certificateDates);

/** The same, for a person (what the verb takes). */
export const certificateInput = certificateFields.extend({ personId: z.uuid('error_not_found') }).superRefine(certificateDates);

export const needQueryInput = z.object({
	areaId: z
		.uuid('error_not_found')
		.nullish()
		.or(z.literal('').transform(() => null)),
	status: z.enum(['open', 'review', 'matched', 'closed', 'all'], { message: 'error_choice' }).default('open'),
	...pageFields
});
