import { z } from 'zod';
import { CATEGORY_CODES, officeHourInput, reachQueryFields } from '../aid/index.ts';
import { apiTime, apiWeekday, apiWindow, toMinutes, windowOut } from './units.ts';

// What the office-hour, visit, board and reach operations send and answer (aid-office-operations.ts
// binds them to their verbs). Weekdays are ISO (1 = Monday) and times "HH:MM" here; the verbs keep
// day 0–6 and minutes, and these mappings turn one into the other.

const areaId = z.uuid('error_required').meta({ description: 'The neighbourhood’s id.' });
const hourTimes = {
	day: apiWeekday,
	start: apiTime.meta({ description: 'When it starts, "HH:MM", Europe/Brussels time.' }),
	end: apiTime.meta({ description: 'When it ends, "HH:MM", Europe/Brussels time; after the start ("24:00" is midnight).' })
};

export const officeHourRequest = z
	.object({
		areaId,
		organisationId: z.uuid('error_choice').nullish().meta({
			description: 'Whose office hour: only needed by someone who holds office hours for more than one organisation; absent or null otherwise.'
		}),
		place: officeHourInput.shape.place.meta({ description: 'Where, as people find it: the house, the room, the entrance (2–200 characters).' }),
		...hourTimes,
		public: z
			.boolean('error_choice')
			.default(false)
			.meta({ description: 'Shown on the neighbourhood’s public page and its calendar feed; false keeps it internal.' })
	})
	.meta({ id: 'OfficeHourInput', description: 'A weekly office hour: every week on this weekday, from start to end.' });

/** The verb's input from the request: internal weekday (0 = Monday) and minutes. */
export const officeHourIn = (b: z.infer<typeof officeHourRequest>) => ({
	...b,
	day: b.day - 1,
	start: toMinutes(b.start),
	end: toMinutes(b.end)
});

const officeHourFields = {
	id: z.uuid(),
	organisationId: z.uuid().meta({ description: 'The organisation that holds it.' }),
	areaId: z.uuid().meta({ description: 'The neighbourhood it is in.' }),
	place: z.string(),
	...hourTimes,
	public: z.boolean().meta({ description: 'Shown on the neighbourhood’s public page.' })
};

export const officeHourResponse = z.object(officeHourFields).meta({ id: 'OfficeHour', description: 'A weekly office hour of the schedule.' });

export const officeHourEntry = z
	.object({ ...officeHourFields, organisationName: z.string(), areaName: z.string(), city: z.string(), areaCode: z.string() })
	.meta({ id: 'OfficeHourEntry', description: 'A weekly office hour with the names of its organisation and neighbourhood.' });

const nextCursor = z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page.' });

export const officeHourList = z.object({ items: z.array(officeHourEntry), nextCursor }).meta({ id: 'OfficeHourList' });

type Hour = { id: string; organisationId: string; areaId: string; place: string; day: number; start: number; end: number; public: boolean };
type NamedHour = Hour & { organisationName: string; areaName: string; city: string; areaCode: string };

export const hourOut = (h: Hour): z.infer<typeof officeHourResponse> => ({
	id: h.id,
	organisationId: h.organisationId,
	areaId: h.areaId,
	place: h.place,
	...windowOut(h),
	public: h.public
});
export const entryOut = (h: NamedHour): z.infer<typeof officeHourEntry> => ({
	...hourOut(h),
	organisationName: h.organisationName,
	areaName: h.areaName,
	city: h.city,
	areaCode: h.areaCode
});

const publicArea = z.object({ code: z.string(), name: z.string(), city: z.string() }).meta({ id: 'PublicNeighbourhood' });

export const publicOfficeHourList = z
	.object({
		area: publicArea,
		items: z.array(z.object({ id: z.uuid(), place: z.string(), ...hourTimes })),
		nextCursor
	})
	.meta({ id: 'PublicOfficeHours', description: 'A neighbourhood’s public office hours, by weekday and start; no organisation, no person.' });

const optionalId = (description: string) => z.uuid('error_choice').nullish().meta({ description });

export const visitRequest = z
	.object({
		officeHourId: optionalId('At this office hour (its neighbourhood is then the visit’s).'),
		areaId: optionalId('In this neighbourhood, when not at an office hour (or the office hour’s own).'),
		personId: optionalId('Someone already known; absent or null for an anonymous question.')
	})
	.meta({ id: 'VisitCount', description: 'officeHourId or areaId (at least one); personId only for someone already known.' });

export const visitResponse = z
	.object({
		id: z.uuid(),
		officeHourId: z.uuid().nullable().meta({ description: 'null: counted in the neighbourhood, or its office hour was removed since.' }),
		organisationId: z.uuid(),
		areaId: z.uuid(),
		personId: z.uuid().nullable().meta({ description: 'null: an anonymous question.' }),
		createdAt: z.iso.datetime().meta({ description: 'When it was counted (UTC).' })
	})
	.meta({ id: 'Visit' });

type VisitRow = { id: string; officeHourId: string | null; organisationId: string; areaId: string; personId: string | null; createdAt: Date };
export const visitOut = (v: VisitRow): z.infer<typeof visitResponse> => ({
	id: v.id,
	officeHourId: v.officeHourId,
	organisationId: v.organisationId,
	areaId: v.areaId,
	personId: v.personId,
	createdAt: new Date(v.createdAt).toISOString()
});

export const boardSwitchBody = z
	.object({
		show: z
			.boolean({ message: 'error_choice' })
			.meta({ description: 'true: the organisation’s open needs there are on the board; false: they are not.' }),
		organisationId: z
			.uuid('error_choice')
			.nullish()
			.meta({ description: 'Whose needs: may be left out (or null) by someone who manages boards for one organisation only.' })
	})
	.meta({ id: 'BoardSwitch' });

export const boardSwitchResponse = z
	.object({
		id: z.uuid().meta({ description: 'The neighbourhood’s id.' }),
		name: z.string(),
		code: z.string(),
		organisationId: z.uuid(),
		aidBoard: z.boolean().meta({ description: 'Whether this organisation’s needs there are on the board now.' })
	})
	.meta({ id: 'BoardState' });

export const publicBoardResponse = z
	.object({
		area: publicArea,
		board: z
			.object({
				total: z.number().int().meta({ description: 'All open needs shown on the board (the entries stop at 50, newest first).' }),
				entries: z.array(
					z.object({
						category: z.enum(CATEGORY_CODES as [string, ...string[]]).meta({ description: 'The kind of help asked.' }),
						windows: z.array(apiWindow).meta({ description: 'When in the week, Europe/Brussels time.' }),
						onParticularDays: z.boolean().meta({ description: 'The need names particular days (which ones stays off the board).' }),
						weeksOpen: z.number().int().meta({ description: 'Whole weeks since it was asked (0: less than a week).' })
					})
				)
			})
			.nullable()
			.meta({ description: 'null while no organisation has switched the neighbourhood’s board on.' })
	})
	.meta({ id: 'NeighbourhoodBoard' });

type BoardOut = {
	area: { code: string; name: string; city: string };
	board: {
		total: number;
		entries: Array<{ category: string; windows: Array<{ day: number; start: number; end: number }>; onParticularDays: boolean; weeksOpen: number }>;
	} | null;
};
export const boardOut = ({ area, board }: BoardOut): z.infer<typeof publicBoardResponse> => ({
	area: { code: area.code, name: area.name, city: area.city },
	board: board && { total: board.total, entries: board.entries.map((e) => ({ ...e, windows: e.windows.map(windowOut) })) }
});

/** The reach query as the API takes it: no form habits (an absent area is every area in scope). */
export const reachQuery = z.object({
	areaId: z.uuid('error_choice').optional().meta({ description: 'One neighbourhood; absent: every neighbourhood in the caller’s scope.' }),
	from: reachQueryFields.shape.from.meta({ description: 'First day, YYYY-MM-DD (Belgian time); moved to the first day of its month.' }),
	to: reachQueryFields.shape.to.meta({
		description: 'Last day, YYYY-MM-DD (Belgian time); moved to the last day of its month; under 5 years after from.'
	})
});

const cellSchema = z
	.object({
		value: z.number().int().nullable().meta({ description: 'The count; null when suppressed.' }),
		suppressed: z.boolean(),
		rounded: z.boolean().optional().meta({ description: 'Rounded to 5 (a token held outside the organisation); totals may not add up.' })
	})
	.meta({
		id: 'FigureCell',
		description:
			'A count; counts of 1 to 4 people or links are never shown (value null, suppressed true); rounded to 5 for holders outside the organisation.'
	});

export const reachResponse = z
	.object({
		period: z
			.object({ from: z.iso.date(), to: z.iso.date() })
			.meta({ description: 'The whole months the figures are for (first and last day, Belgian time).' }),
		areaId: z.uuid().nullable().meta({ description: 'null: every neighbourhood in the caller’s scope.' }),
		figures: z
			.record(z.string(), cellSchema)
			.meta({ description: 'Each figure by name (linksMade, linksCompleted, intergenerational, …), as the reach page explains them.' }),
		byCategory: z.array(z.object({ category: z.string(), made: cellSchema, completed: cellSchema })),
		monthly: z.array(z.object({ month: z.string().meta({ description: 'YYYY-MM' }), made: cellSchema, completed: cellSchema }))
	})
	.meta({ id: 'MutualAidReach' });
