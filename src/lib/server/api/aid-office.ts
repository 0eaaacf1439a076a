import { z } from 'zod';
import type { Ctx } from '../core/index.ts';
import { InvalidError, NotFoundError } from '../core/index.ts';
import { requirePermission } from '../access/index.ts';
import {
	CATEGORY_CODES,
	countVisit,
	countVisitInput,
	createOfficeHour,
	deleteOfficeHour,
	listOfficeHours,
	officeHourInput,
	publicBoard,
	publicOfficeHours,
	setAidBoard
} from '../aid/index.ts';
import { iso, windowSchema } from './aid.ts';

// Office hours, visits and the neighbourhood board for /api/v1, through the verbs the office-hours
// and office-hour pages use. The board's public side needs no token, like the neighbourhood page.

export const officeHourRequest = officeHourInput.meta({
	id: 'OfficeHourInput',
	description:
		'day: 0 = Monday … 6 = Sunday; start and end: minutes since midnight or "HH:MM" (24:00 is the end of the day); public: shown on the neighbourhood page. organisationId only when you hold office hours for more than one organisation.'
});

const officeHourFields = {
	id: z.uuid(),
	organisationId: z.uuid(),
	areaId: z.uuid(),
	place: z.string(),
	day: z.number().int(),
	start: z.number().int().meta({ description: 'Minutes since midnight.' }),
	end: z.number().int(),
	public: z.boolean()
};

export const officeHourResponse = z.object(officeHourFields).meta({ id: 'OfficeHour' });

export const officeHourListResponse = z
	.object({
		officeHours: z.array(
			z.object({ ...officeHourFields, organisationName: z.string(), areaName: z.string(), city: z.string(), areaCode: z.string() })
		)
	})
	.meta({ id: 'OfficeHourList' });

export const deletedResponse = z.object({ id: z.uuid(), deleted: z.literal(true) }).meta({ id: 'Deleted' });

export const visitRequest = countVisitInput.meta({
	id: 'VisitCount',
	description:
		'officeHourId (at an office hour) or areaId (anywhere in a neighbourhood); personId only for someone already known, left out for an anonymous question.'
});

export const visitResponse = z
	.object({
		id: z.uuid(),
		officeHourId: z.uuid().nullable(),
		organisationId: z.uuid(),
		areaId: z.uuid(),
		personId: z.uuid().nullable(),
		createdAt: z.string()
	})
	.meta({ id: 'Visit' });

export const boardSwitchBody = z
	.object({
		show: z.boolean({ message: 'error_choice' }),
		organisationId: z
			.uuid('error_choice')
			.optional()
			.meta({ description: 'Whose needs: may be left out by someone who manages boards for one organisation only.' })
	})
	.meta({ id: 'BoardSwitch' });

export const boardSwitchResponse = z
	.object({ id: z.uuid(), name: z.string(), code: z.string(), organisationId: z.uuid(), aidBoard: z.boolean() })
	.meta({ id: 'BoardState' });

export const publicBoardResponse = z
	.object({
		area: z.object({ code: z.string(), name: z.string(), city: z.string() }),
		board: z
			.object({
				total: z.number().int().meta({ description: 'All open needs shown on the board (the entries stop at 50).' }),
				entries: z.array(
					z.object({ category: z.enum(CATEGORY_CODES as [string, ...string[]]), windows: z.array(windowSchema), weeksOpen: z.number().int() })
				)
			})
			.nullable()
			.meta({ description: 'null while no organisation has switched the neighbourhood’s board on.' })
	})
	.meta({ id: 'NeighbourhoodBoard' });

type HourRow = Pick<z.infer<typeof officeHourResponse>, 'id' | 'organisationId' | 'areaId' | 'place' | 'day' | 'start' | 'end' | 'public'>;
const hour = (h: HourRow): z.infer<typeof officeHourResponse> => ({
	id: h.id,
	organisationId: h.organisationId,
	areaId: h.areaId,
	place: h.place,
	day: h.day,
	start: h.start,
	end: h.end,
	public: h.public
});

export async function apiListOfficeHours(ctx: Ctx): Promise<z.infer<typeof officeHourListResponse>> {
	const rows = await listOfficeHours(ctx);
	return {
		officeHours: rows.map((h) => ({ ...hour(h), organisationName: h.organisationName, areaName: h.areaName, city: h.city, areaCode: h.areaCode }))
	};
}

export const apiCreateOfficeHour = async (ctx: Ctx, input: z.infer<typeof officeHourRequest>) => hour(await createOfficeHour(ctx, input));

export async function apiDeleteOfficeHour(ctx: Ctx, id: string): Promise<z.infer<typeof deletedResponse>> {
	await deleteOfficeHour(ctx, id);
	return { id, deleted: true };
}

export async function apiCountVisit(ctx: Ctx, input: z.infer<typeof visitRequest>): Promise<z.infer<typeof visitResponse>> {
	const v = await countVisit(ctx, input);
	return {
		id: v.id,
		officeHourId: v.officeHourId,
		organisationId: v.organisationId,
		areaId: v.areaId,
		personId: v.personId,
		createdAt: iso(v.createdAt)
	};
}

/** Switches a neighbourhood's board; the area is in the path, so an unknown one is a 404, not a field error. */
export async function apiSetBoard(ctx: Ctx, areaId: string, body: z.infer<typeof boardSwitchBody>): Promise<z.infer<typeof boardSwitchResponse>> {
	requirePermission(ctx.actor, 'aid.board.manage');
	try {
		return await setAidBoard(ctx, { areaId, ...body });
	} catch (e) {
		if (e instanceof InvalidError && e.fields.areaId) throw new NotFoundError();
		throw e;
	}
}

/** The public board, as the neighbourhood page shows it: found by the area's code (or its id). */
export async function apiPublicBoard(db: Ctx['db'], ref: string): Promise<z.infer<typeof publicBoardResponse>> {
	const { area } = await publicOfficeHours(db, ref);
	const board = await publicBoard(db, area.code);
	return { area: { code: area.code, name: area.name, city: area.city }, board };
}
