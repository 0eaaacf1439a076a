// Pure: the question pages of "Ask for help" and "I can help". Each step owns some flat form fields
// (as posted, the same names the one-page form used, so fromForm still reads them); a step is checked
// with the verbs' own input rules for its part of the need or offer, so a step never accepts what the
// final send would refuse, and the messages are the same.
import { z } from 'zod';
import { fromForm } from './form.ts';
import { createNeedInput, createOfferInput } from './validation.ts';
import { quickWindows, SPECIFIC_DAY } from '../../aid/quick-times.ts';
import type { DraftKind, DraftValues } from './schema.ts';

export const STEPS = ['what', 'when', 'where', 'more'] as const;
export type Step = (typeof STEPS)[number];
/** The map point is set from the "Where?" page, not a step of its own: it never marks a step answered. */
export type StepOrPoint = Step | 'point';

/** Which steps were answered, kept in the draft: a step with only optional fields is answered by passing it. */
const ANSWERED = '_steps';

const WINDOW_FIELDS = [0, 1, 2].flatMap((i) => [`w${i}_day`, `w${i}_start`, `w${i}_end`]);

const FIELDS: Record<StepOrPoint, string[]> = {
	what: ['category'],
	when: ['when', 'd0_date', 'frequency', ...WINDOW_FIELDS],
	where: ['areaId'],
	point: ['areaId', 'lat', 'lon'],
	more: ['title', 'description', 'languages', 'safeguarded', 'capacity']
};
/** Fields that may be posted several times (checkboxes). */
const LISTS = new Set(['when', 'languages']);

/** The part of the verbs' input each step answers. */
const KEYS: Record<DraftKind, Record<StepOrPoint, string[]>> = {
	need: {
		what: ['category'],
		when: ['windows', 'dates', 'frequency'],
		where: ['areaId'],
		point: ['areaId', 'point'],
		more: ['title', 'description', 'languages', 'safeguarded']
	},
	offer: {
		what: ['category'],
		when: ['windows', 'dates'],
		where: ['areaId'],
		point: ['areaId', 'point'],
		more: ['title', 'description', 'languages', 'capacity']
	}
};

/** An input key → the form field its error is shown at. */
const FIELD_OF: Record<string, string> = { windows: 'when', dates: 'd0_date' };

const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []).filter(Boolean);

const schemaOf = (kind: DraftKind) => (kind === 'need' ? createNeedInput : createOfferInput) as z.ZodObject<z.ZodRawShape>;

/** A category label in the person's language, for the title when none was given. */
export type TitleOf = (category: string) => string;

/**
 * The draft's values → the input of createNeed / createOffer: the quick time picks become weekly
 * windows before the exact rows; the specific day counts only while "a specific day" is picked; an
 * empty title becomes the category's label (the one-page form required a title; here it is optional).
 */
export function fromDraft(kind: DraftKind, values: DraftValues, personId: string, titleOf: TitleOf): Record<string, unknown> {
	const picks = list(values.when);
	const flat: DraftValues = { ...values, languages: list(values.languages) };
	if (!picks.includes(SPECIFIC_DAY)) delete flat.d0_date;
	const input = fromForm(flat, personId);
	input.windows = [...quickWindows(picks), ...(input.windows as unknown[])];
	const title = String(input.title ?? '').trim();
	if (!title && typeof input.category === 'string' && input.category) input.title = titleOf(input.category);
	if (kind === 'need') {
		delete input.capacity;
		input.frequency ??= 'once';
	} else {
		delete input.frequency;
		delete input.safeguarded;
		input.capacity ??= '1';
	}
	return input;
}

export type StepResult = { ok: true; values: DraftValues } | { ok: false; errors: Record<string, string> };

/**
 * One step posted: its fields replace the draft's (a box unticked is an answer too), checked with the
 * verbs' rules for that part. Field errors are message keys, by form field name.
 */
export function answerStep(kind: DraftKind, step: StepOrPoint, draft: DraftValues, posted: DraftValues, titleOf: TitleOf): StepResult {
	const next: DraftValues = Object.fromEntries(Object.entries(draft).filter(([k]) => !FIELDS[step].includes(k)));
	for (const field of FIELDS[step]) {
		const v = posted[field];
		if (LISTS.has(field)) next[field] = list(v);
		else if (typeof v === 'string' && v.trim() !== '') next[field] = v.slice(0, 2000);
	}
	// A place marked in one neighbourhood does not belong to another.
	if (step === 'where' && next.areaId !== draft.areaId) {
		delete next.lat;
		delete next.lon;
	}
	const errors = stepErrors(kind, step, next, titleOf);
	if (Object.keys(errors).length) return { ok: false, errors };
	if (step !== 'point') next[ANSWERED] = [...new Set([...list(draft[ANSWERED]), step])];
	return { ok: true, values: next };
}

function stepErrors(kind: DraftKind, step: StepOrPoint, values: DraftValues, titleOf: TitleOf): Record<string, string> {
	const errors: Record<string, string> = {};
	const picks = list(values.when);
	if (step === 'when') {
		if (picks.includes(SPECIFIC_DAY) && !values.d0_date) errors.d0_date = 'aid_error_day_missing';
		const exact = WINDOW_FIELDS.some((f) => values[f]);
		if (!picks.length && !exact) errors.when = 'aid_error_when_none';
	}
	const keys = Object.fromEntries(KEYS[kind][step].map((k) => [k, true as const]));
	const parsed = schemaOf(kind)
		.pick(keys)
		.safeParse(fromDraft(kind, values, '', titleOf));
	for (const issue of parsed.error?.issues ?? []) {
		const key = String(issue.path[0] ?? '_');
		errors[FIELD_OF[key] ?? key] ??= issue.message;
	}
	return errors;
}

/** The first step not answered yet (or no longer valid), or null when the draft may be sent. */
export function firstMissing(kind: DraftKind, values: DraftValues, titleOf: TitleOf): Step | null {
	const answered = list(values[ANSWERED]);
	for (const step of STEPS) {
		if (!answered.includes(step) || Object.keys(stepErrors(kind, step, values, titleOf)).length) return step;
	}
	return null;
}

/** Only the steps' own fields, for filling a page (never the bookkeeping). */
export const draftFields = (values: DraftValues): DraftValues => Object.fromEntries(Object.entries(values).filter(([k]) => k !== ANSWERED));
