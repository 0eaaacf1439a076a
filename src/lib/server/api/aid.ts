import { z } from 'zod';
import type { Ctx } from '../core/index.ts';
import {
	CATEGORY_CODES,
	NEED_STATUSES,
	createNeed,
	createOffer,
	listNeeds,
	suggestMatches,
	type CreateNeedInput,
	type CreateOfferInput
} from '../aid/index.ts';
import { registerPerson, type RegisterPersonInput } from '../people/index.ts';

// The mutual-aid part of /api/v1: response shapes (documented from these Zod schemas) and the
// mapping from verb results to them. The verbs do the authorisation, exactly as for the pages.

export const windowSchema = z.object({ day: z.number().int(), start: z.number().int(), end: z.number().int() }).meta({ id: 'WeeklyWindow' });
export const dateSchema = z
	.object({ date: z.string(), start: z.number().int().optional(), end: z.number().int().optional() })
	.meta({ id: 'DayWindow', description: 'A particular day (YYYY-MM-DD), with an optional time range in minutes after midnight.' });

export const personResponse = z
	.object({ id: z.uuid(), firstName: z.string(), organisationId: z.uuid().nullable(), areaId: z.uuid().nullable(), hasAccount: z.boolean() })
	.meta({ id: 'Person' });

export const needResponse = z
	.object({
		id: z.uuid(),
		personId: z.uuid(),
		category: z.enum(CATEGORY_CODES as [string, ...string[]]),
		title: z.string(),
		status: z.enum(NEED_STATUSES),
		areaId: z.uuid(),
		windows: z.array(windowSchema),
		dates: z.array(dateSchema),
		languages: z.array(z.string()),
		safeguarded: z.boolean(),
		assisted: z.boolean(),
		createdAt: z.string()
	})
	.meta({ id: 'Need' });

export const needListResponse = z
	.object({
		needs: z.array(
			z.object({
				id: z.uuid(),
				category: z.string(),
				title: z.string(),
				status: z.enum(NEED_STATUSES),
				firstName: z.string(),
				areaId: z.uuid(),
				areaName: z.string(),
				safeguarded: z.boolean(),
				windows: z.array(windowSchema),
				dates: z.array(dateSchema),
				openLinks: z.number().int(),
				createdAt: z.string()
			})
		)
	})
	.meta({ id: 'NeedList' });

export const offerResponse = z
	.object({
		id: z.uuid(),
		personId: z.uuid(),
		category: z.string(),
		title: z.string(),
		status: z.string(),
		areaId: z.uuid(),
		capacity: z.number().int(),
		activeLinks: z.number().int(),
		windows: z.array(windowSchema),
		dates: z.array(dateSchema),
		languages: z.array(z.string()),
		createdAt: z.string()
	})
	.meta({ id: 'Offer' });

export const reasonSchema = z
	.object({ code: z.enum(['language', 'distance', 'same_area', 'time', 'date', 'experience', 'load']), points: z.number().int() })
	.catchall(z.unknown())
	.meta({ id: 'MatchReason', description: 'One part of a match score, with what a person needs to read it (language code, metres, window, count).' });

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
				firstName: z.string(),
				areaName: z.string(),
				offerTitle: z.string(),
				offerDescription: z.string().nullable(),
				score: z.number().int(),
				reasons: z.array(reasonSchema),
				timeFit: timeFitSchema,
				activeLinks: z.number().int(),
				capacity: z.number().int(),
				alreadyProposed: z.boolean()
			})
		),
		leftOut: leftOutSchema
	})
	.meta({ id: 'Matches' });

export const iso = (d: Date) => new Date(d).toISOString();

export async function apiCreatePerson(ctx: Ctx, input: RegisterPersonInput): Promise<z.infer<typeof personResponse>> {
	const p = await registerPerson(ctx, input);
	return { id: p.id, firstName: p.firstName, organisationId: p.organisationId, areaId: p.areaId, hasAccount: !!p.userId };
}

type NeedRow = Awaited<ReturnType<typeof createNeed>>;
type OfferRow = Awaited<ReturnType<typeof createOffer>>;

/** A need as its own person or the staff who said it see it (no point, no description). */
export function needOut(n: NeedRow): z.infer<typeof needResponse> {
	return {
		id: n.id,
		personId: n.personId,
		category: n.category,
		title: n.title,
		status: n.status,
		areaId: n.areaId,
		windows: n.windows,
		dates: n.dates,
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
		windows: o.windows,
		dates: o.dates,
		languages: o.languages,
		createdAt: iso(o.createdAt)
	};
}

export const apiCreateNeed = async (ctx: Ctx, input: CreateNeedInput) => needOut(await createNeed(ctx, input));
export const apiCreateOffer = async (ctx: Ctx, input: CreateOfferInput) => offerOut(await createOffer(ctx, input));

export async function apiListNeeds(ctx: Ctx, q: Parameters<typeof listNeeds>[1]): Promise<z.infer<typeof needListResponse>> {
	const needs = await listNeeds(ctx, q);
	return {
		needs: needs.map((n) => ({
			id: n.id,
			category: n.category,
			title: n.title,
			status: n.status,
			firstName: n.firstName,
			areaId: n.areaId,
			areaName: n.areaName,
			safeguarded: n.safeguarded,
			windows: n.windows,
			dates: n.dates,
			openLinks: n.openLinks,
			createdAt: iso(n.createdAt)
		}))
	};
}

export async function apiSuggestMatches(ctx: Ctx, needId: string, limit?: number): Promise<z.infer<typeof matchesResponse>> {
	const s = await suggestMatches(ctx, needId, limit);
	return {
		needId: s.needId,
		candidates: s.candidates.map(({ personId: _, ...c }) => ({ ...c, reasons: c.reasons as z.infer<typeof reasonSchema>[] })),
		leftOut: s.leftOut
	};
}
