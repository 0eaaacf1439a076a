import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { ForbiddenError, InvalidError, NotFoundError, PUBLIC, defineVerb, wholeWeeksBetween, type Ctx } from '../core/index.ts';
import { PERMISSIONS, can, instanceWide, permission, type ScopedPermission } from '../access/index.ts';
import { areasArea } from '../areas/index.ts';
import { peopleOrganisation } from '../people/index.ts';
import { aidBoard, aidNeed } from './schema.ts';
import { isCategory, type Category } from './categories.ts';
import type { Window } from './scoring.ts';
import { areaRef, publicArea } from './office-hours.ts';

// The public, anonymous needs board of a neighbourhood: the only place where anyone sees needs that
// are not their own. Each organisation decides for the needs it holds there (aid_board: a row = on),
// so no organisation ever publishes another's. It shows what kind of help is asked, when in the week
// and since how long — never who asks, what they wrote, where they live or which organisation holds it.

const MANAGE = 'aid.board.manage' satisfies ScopedPermission;
export const BOARD_LIMIT = 50;
const MAX_WINDOWS = 21;

const show = z
	.union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false'), z.literal('')], { message: 'error_choice' })
	.optional()
	.transform((v) => v === true || v === 'on' || v === 'true');

/**
 * The switch: an area, the organisation whose needs it concerns (may be left out by someone who
 * manages boards for one organisation only), and whether they show (an unticked checkbox sends nothing: off).
 */
export const boardSwitchInput = z.object({
	areaId: z.uuid('error_choice'),
	organisationId: z
		.union([z.uuid('error_choice'), z.literal('')], { error: 'error_choice' })
		.optional()
		.transform((v) => v || undefined),
	show
});

/** `onParticularDays`: the need names particular days; which days stays off the public page. */
export type BoardEntry = { category: Category; windows: Window[]; onParticularDays: boolean; weeksOpen: number };
export type Board = { total: number; entries: BoardEntry[] };

/** Whole weeks a need has been open: 0 = less than a week. Coarse on purpose (no exact dates out). */
export function weeksOpen(createdAt: Date, now: Date): number {
	return Math.max(0, wholeWeeksBetween(createdAt, now));
}

/** Only well-formed weekly windows leave the database, sorted, and nothing else they might carry. */
function cleanWindows(raw: unknown): Window[] {
	if (!Array.isArray(raw)) return [];
	const out: Window[] = [];
	for (const w of raw.slice(0, MAX_WINDOWS)) {
		const { day, start, end } = (w ?? {}) as Record<string, unknown>;
		if (
			[day, start, end].every((n) => Number.isInteger(n)) &&
			(day as number) >= 0 &&
			(day as number) <= 6 &&
			(start as number) >= 0 &&
			(end as number) <= 1440 &&
			(end as number) > (start as number)
		)
			out.push({ day: day as number, start: start as number, end: end as number });
	}
	return out.sort((a, b) => a.day - b.day || a.start - b.start);
}

/**
 * The board of a neighbourhood, for anyone (no account), found by its code or id: null while the
 * neighbourhood has not switched it on. Open needs only (not safeguarded ones), newest first, at most
 * BOARD_LIMIT, with the total of open needs.
 */
export const publicBoard = defineVerb({
	name: 'aid.board.public_read',
	summary:
		'A neighbourhood’s public needs board, as its public page shows it: kind of help, weekly times and weeks open, never who asks. No token needed',
	permission: PUBLIC,
	input: z.object({ code: areaRef }),
	writes: false,
	access: instanceWide,
	run: async (ctx, { code }): Promise<{ area: { id: string; code: string; name: string; city: string }; board: Board | null }> => {
		const { id, name, city, code: areaCode } = await publicArea(ctx, code);
		const area = { id, code: areaCode, name, city };
		const showing = await ctx.db.select({ organisationId: aidBoard.organisationId }).from(aidBoard).where(eq(aidBoard.areaId, id));
		if (!showing.length) return { area, board: null };
		// Only the needs of organisations that switched it on. Help with children or inside someone's home
		// stays off the public board: least data, and those needs only go to volunteers with a checked certificate.
		const open = and(
			eq(aidNeed.areaId, id),
			inArray(
				aidNeed.organisationId,
				showing.map((b) => b.organisationId)
			),
			eq(aidNeed.status, 'open'),
			eq(aidNeed.safeguarded, false)
		);
		const [rows, [counted]] = await Promise.all([
			ctx.db
				.select({ category: aidNeed.category, windows: aidNeed.windows, dates: aidNeed.dates, createdAt: aidNeed.createdAt })
				.from(aidNeed)
				.where(open)
				.orderBy(desc(aidNeed.createdAt), asc(aidNeed.id))
				.limit(BOARD_LIMIT),
			ctx.db.select({ n: count() }).from(aidNeed).where(open)
		]);
		const now = new Date();
		return {
			area,
			board: {
				total: counted?.n ?? 0,
				entries: rows.map((r) => ({
					category: isCategory(r.category) ? r.category : 'other',
					windows: cleanWindows(r.windows),
					onParticularDays: Array.isArray(r.dates) && r.dates.length > 0,
					weeksOpen: weeksOpen(r.createdAt, now)
				}))
			}
		};
	}
});

/** The organisations whose boards the actor may switch (admins: those of their own grants, to keep the form short). */
function managedOrganisations(ctx: Ctx) {
	const roles: readonly string[] = PERMISSIONS[MANAGE].roles;
	return [...new Set(ctx.actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.organisationId))];
}

export type BoardChoice = {
	id: string;
	name: string;
	city: string;
	code: string;
	organisationId: string;
	organisationName: string;
	aidBoard: boolean;
};

/**
 * Every neighbourhood × organisation whose board the actor may switch, with its state (the staff form):
 * an organisation-wide grant covers every neighbourhood (as for office hours), an area-bound one its own.
 */
export const boardChoices = defineVerb({
	name: 'aid.board.choices',
	summary: 'The neighbourhoods and organisations whose board the actor may switch, with their state',
	permission: permission(MANAGE),
	input: z.object({}).default({}),
	writes: false,
	// Only the actor's own organisations, and in them the neighbourhoods their grants cover.
	access: (ctx) => managedOrganisations(ctx),
	run: async (ctx, _input, organisationIds): Promise<BoardChoice[]> => {
		const [areas, organisations, on] = await Promise.all([
			ctx.db
				.select({ id: areasArea.id, name: areasArea.name, city: areasArea.city, code: areasArea.code })
				.from(areasArea)
				.orderBy(asc(areasArea.city), asc(areasArea.name))
				.limit(500),
			ctx.db
				.select({ id: peopleOrganisation.id, name: peopleOrganisation.name })
				.from(peopleOrganisation)
				.where(inArray(peopleOrganisation.id, organisationIds)),
			ctx.db.select().from(aidBoard).where(inArray(aidBoard.organisationId, organisationIds))
		]);
		const shown = new Set(on.map((b) => `${b.organisationId}:${b.areaId}`));
		const names = new Map(organisations.map((o) => [o.id, o.name]));
		return [...names.keys()].flatMap((organisationId) =>
			areas
				.filter((a) => can(ctx.actor, MANAGE, { organisationId, areaId: a.id }))
				.map((a) => ({ ...a, organisationId, organisationName: names.get(organisationId)!, aidBoard: shown.has(`${organisationId}:${a.id}`) }))
		);
	}
});

/**
 * Switches an organisation's needs on a neighbourhood's board on or off; every switch leaves an audit
 * row, even a repeated one. Without an organisation, the one the actor manages boards for (422 when
 * they manage more than one). The neighbourhood is the record switched: an unknown one is a 404.
 */
export const setAidBoard = defineVerb({
	name: 'aid.board.switch',
	summary: 'Show an organisation’s open needs in a neighbourhood on its public, anonymous board, or stop (audited)',
	permission: permission(MANAGE),
	input: boardSwitchInput,
	writes: true,
	// The whole rule, for every caller: the board of this neighbourhood, for an organisation the actor
	// manages boards of there.
	access: async (ctx, input) => {
		const mine = managedOrganisations(ctx);
		const organisationId = input.organisationId ?? (mine.length === 1 ? mine[0]! : null);
		if (!organisationId) throw new InvalidError({ organisationId: 'error_choice' });
		const [area] = await ctx.db
			.select({ id: areasArea.id, name: areasArea.name, code: areasArea.code })
			.from(areasArea)
			.where(eq(areasArea.id, input.areaId));
		if (!area) throw new NotFoundError();
		if (!can(ctx.actor, MANAGE, { organisationId, areaId: area.id })) throw new ForbiddenError(MANAGE);
		// Only an admin gets here with an organisation not their own: an unknown one is a field error, not a 500.
		const [organisation] = await ctx.db
			.select({ id: peopleOrganisation.id })
			.from(peopleOrganisation)
			.where(eq(peopleOrganisation.id, organisationId));
		if (!organisation) throw new InvalidError({ organisationId: 'error_choice' });
		return { area, organisationId };
	},
	run: async (ctx, input, { area, organisationId }) => {
		const key = and(eq(aidBoard.organisationId, organisationId), eq(aidBoard.areaId, area.id));
		const [was] = await ctx.db.select().from(aidBoard).where(key).for('update');
		if (input.show && !was) await ctx.db.insert(aidBoard).values({ organisationId, areaId: area.id }).onConflictDoNothing();
		if (!input.show && was) await ctx.db.delete(aidBoard).where(key);
		return { ...area, organisationId, aidBoard: input.show, was: !!was };
	},
	audit: (_input, out) => ({
		action: 'update',
		entity: 'aid_board',
		entityId: out.id,
		details: { organisationId: out.organisationId, aidBoard: out.aidBoard, was: out.was }
	})
});
