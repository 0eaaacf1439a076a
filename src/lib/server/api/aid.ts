import { z } from 'zod';
import { CATEGORY_CODES, NEED_STATUSES, OFFER_STATUSES, type Reason, type Suggestion } from '../aid/index.ts';
import { apiDate, apiWindow, dateOut, windowOut } from './units.ts';

// The mutual-aid part of /api/v1: response shapes (documented from these Zod schemas) and the
// mapping from verb results to them. The verbs do the authorisation, exactly as for the pages.

export const windowSchema = apiWindow;
export const dateSchema = apiDate;

/** An ISO 8601 instant (UTC). */
export const instant = z.string().meta({ description: 'An instant, ISO 8601 in UTC.', format: 'date-time' });

export const categorySchema = z
	.enum(CATEGORY_CODES as [string, ...string[]])
	.meta({ description: 'The kind of help, as a code (the pages show its name in each language).' });

const languagesSchema = z.array(z.string()).meta({ description: 'Languages it can be done in, ISO 639-1 codes (e.g. "nl", "ar").' });

export const needStatusSchema = z.enum(NEED_STATUSES).meta({
	description:
		'review: waiting for the neighbourhood’s facilitators before it is matched; open: waiting for help; matched: someone helps; closed: over; withdrawn: taken back by the person; duplicate: closed by a facilitator as the same as another need'
});

export const offerStatusSchema = z.enum(OFFER_STATUSES).meta({
	description:
		'review: waiting for the facilitators; active: may be suggested; paused: by the volunteer, not suggested (links under way go on); withdrawn'
});

export const needResponse = z
	.object({
		id: z.uuid(),
		personId: z.uuid().meta({ description: 'The person the need is for.' }),
		category: categorySchema,
		title: z.string(),
		status: needStatusSchema,
		areaId: z.uuid().meta({ description: 'The neighbourhood where the help is needed.' }),
		windows: z.array(windowSchema).meta({ description: 'When the person is free, every week.' }),
		dates: z.array(dateSchema).meta({ description: 'Particular days the help is needed (calendar order).' }),
		languages: languagesSchema,
		safeguarded: z
			.boolean()
			.meta({ description: 'Help with children or inside someone’s home: only volunteers with a valid good-conduct certificate are suggested.' }),
		assisted: z.boolean().meta({ description: 'Said by staff for the person (assisted use).' }),
		createdAt: instant
	})
	.meta({ id: 'Need' });

export const needListResponse = z
	.object({
		items: z.array(
			z.object({
				id: z.uuid(),
				category: categorySchema,
				title: z.string(),
				status: needStatusSchema,
				firstName: z.string().meta({ description: 'The person’s first name only: contact details are on the person page, an audited read.' }),
				areaId: z.uuid(),
				areaName: z.string(),
				safeguarded: z.boolean(),
				windows: z.array(windowSchema),
				dates: z.array(dateSchema),
				openLinks: z.number().int().meta({ description: 'Links proposed, accepted or taken place for it.' }),
				createdAt: instant
			})
		),
		nextCursor: z.string().nullable().meta({ description: 'Send as `cursor` for the next page; null on the last page.' })
	})
	.meta({ id: 'NeedList', description: 'Oldest waiting first.' });

export const offerResponse = z
	.object({
		id: z.uuid(),
		personId: z.uuid().meta({ description: 'The volunteer.' }),
		category: categorySchema,
		title: z.string(),
		status: offerStatusSchema,
		areaId: z.uuid(),
		capacity: z.number().int().meta({ description: 'How many links at once (1–20).' }),
		activeLinks: z.number().int().meta({ description: 'Links holding one of its places now (accepted or taken place).' }),
		windows: z.array(windowSchema).meta({ description: 'When the volunteer is free, every week.' }),
		dates: z.array(dateSchema).meta({ description: 'Particular days the volunteer is free (calendar order).' }),
		languages: languagesSchema,
		createdAt: instant
	})
	.meta({ id: 'Offer' });

const points = z.number().int().meta({ description: 'What this part adds to the score.' });
export const reasonSchema = z
	.discriminatedUnion('code', [
		z.object({ code: z.literal('language'), points, language: z.string().meta({ description: 'A language both speak, ISO 639-1.' }) }),
		z.object({ code: z.literal('distance'), points, metres: z.number().int().meta({ description: 'Distance between the two places, in metres.' }) }),
		z.object({ code: z.literal('same_area'), points }),
		z.object({ code: z.literal('time'), points, window: windowSchema.meta({ description: 'The weekly time both are free.' }) }),
		z.object({ code: z.literal('date'), points, day: dateSchema.meta({ description: 'A particular day that suits both.' }) }),
		z.object({
			code: z.literal('experience'),
			points,
			count: z.number().int().meta({ description: 'Links of this kind that took place before.' }),
			ageGroup: z.string().nullable().meta({ description: 'The age group of the people helped then, when it matches.' })
		}),
		z.object({ code: z.literal('load'), points, activeLinks: z.number().int().meta({ description: 'Links the volunteer has under way now.' }) })
	])
	.meta({ id: 'MatchReason', description: 'One part of a match score, with what a person needs to read it.' });

/** A reason in the API's units (ISO weekday, "HH:MM"). */
export function reasonOut(r: Reason): z.infer<typeof reasonSchema> {
	if (r.code === 'time') return { code: 'time', points: r.points, window: windowOut(r) };
	if (r.code === 'date') return { code: 'date', points: r.points, day: dateOut(r) };
	return r;
}

const timeFitSchema = z.enum(['common', 'unknown', 'none', 'any']).meta({
	description:
		'How the offer’s time meets the need’s, ranked before any points: common (a weekly time or a day both are free), unknown (the volunteer gave no times), none (the volunteer’s times never meet the need’s; listed after all others, a facilitator may still ask), any (the need gave no time)'
});

const leftOutSchema = z
	.object({
		full: z.number().int().meta({ description: 'active offers with no place left' }),
		certificate: z.number().int().meta({ description: 'with room, but no good-conduct certificate valid today, for help at home or with children' }),
		paused: z.number().int().meta({ description: 'paused by the volunteer' })
	})
	.meta({
		id: 'LeftOut',
		description:
			'Offers of the need’s organisation and kind of help that are not among the candidates, each counted under the first reason that applies: paused, full, certificate'
	});

export const matchesResponse = z
	.object({
		needId: z.uuid(),
		candidates: z.array(
			z.object({
				offerId: z.uuid(),
				firstName: z.string().meta({ description: 'The volunteer’s first name only.' }),
				areaName: z.string(),
				offerTitle: z.string(),
				offerDescription: z.string().nullable(),
				score: z.number().int().meta({ description: 'The sum of the reasons’ points.' }),
				reasons: z.array(reasonSchema),
				timeFit: timeFitSchema,
				activeLinks: z.number().int(),
				capacity: z.number().int(),
				alreadyProposed: z.boolean().meta({ description: 'A link with this offer is proposed, accepted or took place already.' })
			})
		),
		leftOut: leftOutSchema
	})
	.meta({ id: 'Matches', description: 'Best first: common time, then no times given, then times that never meet; by score within each.' });

export const iso = (d: Date) => new Date(d).toISOString();

type NeedRow = {
	id: string;
	personId: string;
	category: string;
	title: string;
	status: (typeof NEED_STATUSES)[number];
	areaId: string;
	windows: { day: number; start: number; end: number }[];
	dates: { date: string; start?: number; end?: number }[];
	languages: string[];
	safeguarded: boolean;
	assisted: boolean;
	createdAt: Date;
};
type OfferRow = Omit<NeedRow, 'status' | 'safeguarded' | 'assisted'> & {
	status: (typeof OFFER_STATUSES)[number];
	capacity: number;
	activeLinks: number;
};

/** A need as its own person or the staff who said it see it (no point, no description). */
export function needOut(n: NeedRow): z.infer<typeof needResponse> {
	return {
		id: n.id,
		personId: n.personId,
		category: n.category,
		title: n.title,
		status: n.status,
		areaId: n.areaId,
		windows: n.windows.map(windowOut),
		dates: n.dates.map(dateOut),
		languages: n.languages,
		safeguarded: n.safeguarded,
		assisted: n.assisted,
		createdAt: iso(n.createdAt)
	};
}

export function offerOut(o: OfferRow): z.infer<typeof offerResponse> {
	return {
		id: o.id,
		personId: o.personId,
		category: o.category,
		title: o.title,
		status: o.status,
		areaId: o.areaId,
		capacity: o.capacity,
		activeLinks: o.activeLinks,
		windows: o.windows.map(windowOut),
		dates: o.dates.map(dateOut),
		languages: o.languages,
		createdAt: iso(o.createdAt)
	};
}

/** A suggestion as the API gives it: no person id (the link is brokered), reasons in the API's units. */
export const candidateOut = ({ personId: _, ...c }: Suggestion) => ({ ...c, reasons: c.reasons.map(reasonOut) });
