import { z } from 'zod';
import { line } from '../core/index.ts';
import { registerPersonInput } from '../people/index.ts';
import { CATEGORY_CODES } from './categories.ts';
import { dateInput } from './validation.ts';

// Office hours and the walk-in form of the office-hour mode. Every refusal is a message key.

const checkbox = z
	.union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false')])
	.optional()
	.transform((v) => v === true || v === 'on' || v === 'true');

const optionalUuid = z
	.uuid('error_choice')
	.nullish()
	.or(z.literal('').transform(() => null));

/** "HH:MM" (what <input type="time"> sends) or minutes since midnight; 24:00 is the end of the day. */
export const minuteOfDay = z.union([z.number(), z.string().trim()]).transform((v, ctx) => {
	const m = typeof v === 'number' ? v : parseMinutes(v);
	if (m === null || !Number.isInteger(m) || m < 0 || m > 1440) {
		ctx.addIssue({ code: 'custom', message: 'aid_error_time' });
		return z.NEVER;
	}
	return m;
});

export function parseMinutes(v: string): number | null {
	if (/^\d{1,4}$/.test(v)) return Number(v);
	const t = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(v);
	if (!t) return null;
	const h = Number(t[1]);
	const m = Number(t[2]);
	if (m > 59 || h > 24 || (h === 24 && m > 0)) return null;
	return h * 60 + m;
}

const day = z.preprocess(
	(v) => (v === '' ? undefined : v),
	z.coerce.number('error_choice').int('error_choice').min(0, 'error_choice').max(6, 'error_choice')
);

export const officeHourInput = z
	.object({
		areaId: z.uuid('error_required'),
		// Only needed by someone who manages office hours for more than one organisation.
		organisationId: optionalUuid,
		place: line(2, 200),
		day,
		start: minuteOfDay,
		end: minuteOfDay,
		public: checkbox
	})
	.refine((h) => h.start < 1440, { message: 'aid_error_time', path: ['start'] })
	.refine((h) => h.end > h.start, { message: 'aid_error_window_order', path: ['end'] });

export const countVisitInput = z.object({
	officeHourId: optionalUuid,
	areaId: optionalUuid,
	personId: optionalUuid
});

/** The person fields of the walk-in form (a new person only). */
export const walkInPerson = registerPersonInput.pick({ firstName: true, phone: true, languages: true, ageGroup: true, contactConsent: true });

/**
 * The one quick form of the office-hour mode: a new person (or one already known) and their need.
 * The weekly window is optional: all three of day, start and end, or none of them; so is one specific
 * day (a date without times: the facilitator adds times on the need's own form if they matter). The output is
 * valid input again (the verb parses what a route already parsed); `walkInParts` splits it up.
 */
export const walkInInput = z
	.object({
		officeHourId: z.uuid('error_required'),
		personId: optionalUuid,
		firstName: z.string().optional(),
		phone: z.string().nullish(),
		languages: z.union([z.string(), z.array(z.string())]).optional(),
		ageGroup: z.string().nullish(),
		contactConsent: checkbox,
		category: z.enum(CATEGORY_CODES as [string, ...string[]], { message: 'aid_error_category' }),
		title: line(3, 120),
		day: z.union([z.string(), z.number()]).optional(),
		start: z.union([z.string(), z.number()]).optional(),
		end: z.union([z.string(), z.number()]).optional(),
		date: z.string().optional(),
		safeguarded: checkbox,
		// Someone with the same first name and phone is already known: register a new person all the same.
		registerAnyway: checkbox
	})
	.superRefine((v, ctx) => {
		if (!v.personId) {
			const p = walkInPerson.safeParse(v);
			if (!p.success) for (const issue of p.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
		}
		weeklyWindow(v.day, v.start, v.end, ctx);
		oneDate(v.date, ctx);
	});
export type WalkInInput = z.infer<typeof walkInInput>;

/** A parsed walk-in form as what the verbs take: the new person (or null) and the need. */
export function walkInParts(v: WalkInInput) {
	const window = weeklyWindow(v.day, v.start, v.end);
	const date = oneDate(v.date);
	return {
		person: v.personId ? null : walkInPerson.parse(v),
		need: { category: v.category, title: v.title, safeguarded: v.safeguarded, windows: window ? [window] : [], dates: date ? [date] : [] }
	};
}

/** null: no day given (or a bad one, then the issue is added when `ctx` is given). */
function oneDate(raw: string | undefined, ctx?: z.RefinementCtx) {
	const date = (raw ?? '').trim();
	if (!date) return null;
	const parsed = dateInput.safeParse({ date });
	if (!parsed.success) {
		for (const issue of parsed.error.issues) ctx?.addIssue({ code: 'custom', message: issue.message, path: ['date'] });
		return null;
	}
	return parsed.data;
}

/** null: no window given (or a bad one, then the issue is added when `ctx` is given). */
function weeklyWindow(d: unknown, s: unknown, e: unknown, ctx?: z.RefinementCtx) {
	const given = [d, s, e].map((x) => String(x ?? '').trim());
	if (given.every((x) => x === '')) return null;
	// Part of a window given: say which part is missing, not that an empty field is a bad choice or time.
	const missing = (['day', 'start', 'end'] as const).filter((_, i) => given[i] === '');
	if (missing.length) {
		for (const field of missing) ctx?.addIssue({ code: 'custom', message: `aid_error_window_${field}_missing`, path: [field] });
		return null;
	}
	const parsed = z.object({ day, start: minuteOfDay, end: minuteOfDay }).safeParse({ day: given[0] || undefined, start: given[1], end: given[2] });
	if (!parsed.success) {
		for (const issue of parsed.error.issues) ctx?.addIssue({ code: 'custom', message: issue.message, path: issue.path });
		return null;
	}
	if (parsed.data.start >= 1440 || parsed.data.end <= parsed.data.start) {
		ctx?.addIssue({ code: 'custom', message: 'aid_error_window_order', path: ['end'] });
		return null;
	}
	return parsed.data;
}

/** The office hour a delete form names. */
export const officeHourIdInput = z.object({ id: z.uuid('error_choice') });
