import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../core/context.ts';
import { inTransaction } from '../core/context.ts';
import { audit } from '../core/audit.ts';
import { InvalidError, NotFoundError, parseInput } from '../core/errors.ts';
import { requirePermission } from '../access/can.ts';
import { PERMISSIONS, type PermissionName } from '../access/permissions.ts';
import { areasArea } from '../areas/schema.ts';
import { aidNeed } from './schema.ts';
import { isCategory, type Category } from './categories.ts';
import type { Window } from './scoring.ts';

// The public, anonymous needs board a neighbourhood may switch on: the only place where anyone sees
// needs that are not their own. It shows what kind of help is asked, when in the week and since
// how long — never who asks, what they wrote, where they live or which organisation holds the need.

const MANAGE = 'aid.board.manage' satisfies PermissionName;
export const BOARD_LIMIT = 50;
const MAX_WINDOWS = 21;
const WEEK_MS = 7 * 86_400_000;

const show = z
	.union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false'), z.literal('')], { message: 'error_choice' })
	.optional()
	.transform((v) => v === true || v === 'on' || v === 'true');

/** The switch: an area, and whether its board shows (an unticked checkbox sends nothing: off). */
export const boardSwitchInput = z.object({ areaId: z.uuid('error_choice'), show });
export type BoardSwitchInput = z.infer<typeof boardSwitchInput>;

/** `onParticularDays`: the need names particular days; which days stays off the public page. */
export type BoardEntry = { category: Category; windows: Window[]; onParticularDays: boolean; weeksOpen: number };
export type Board = { total: number; entries: BoardEntry[] };

/** Whole weeks a need has been open: 0 = less than a week. Coarse on purpose (no exact dates out). */
export function weeksOpen(createdAt: Date, now: Date): number {
	return Math.max(0, Math.floor((now.getTime() - createdAt.getTime()) / WEEK_MS));
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
 * The board of a neighbourhood, for anyone (no account): null while the neighbourhood has not
 * switched it on. Open needs only (not safeguarded ones), newest first, at most BOARD_LIMIT, with the total of open needs.
 */
export async function publicBoard(db: Ctx['db'], areaCode: string, now = new Date()): Promise<Board | null> {
	const [area] = await db
		.select({ id: areasArea.id, aidBoard: areasArea.aidBoard })
		.from(areasArea)
		.where(eq(areasArea.code, areaCode.slice(0, 100)))
		.limit(1);
	if (!area) throw new NotFoundError();
	if (!area.aidBoard) return null;
	// Help with children or inside someone's home stays off the public board: least data, and those
	// needs can only go to volunteers with a checked certificate anyway.
	const open = and(eq(aidNeed.areaId, area.id), eq(aidNeed.status, 'open'), eq(aidNeed.safeguarded, false));
	const [rows, [counted]] = await Promise.all([
		db
			.select({ category: aidNeed.category, windows: aidNeed.windows, dates: aidNeed.dates, createdAt: aidNeed.createdAt })
			.from(aidNeed)
			.where(open)
			.orderBy(desc(aidNeed.createdAt), asc(aidNeed.id))
			.limit(BOARD_LIMIT),
		db.select({ n: count() }).from(aidNeed).where(open)
	]);
	return {
		total: counted?.n ?? 0,
		entries: rows.map((r) => ({
			category: isCategory(r.category) ? r.category : 'other',
			windows: cleanWindows(r.windows),
			onParticularDays: Array.isArray(r.dates) && r.dates.length > 0,
			weeksOpen: weeksOpen(r.createdAt, now)
		}))
	};
}

/** The neighbourhoods whose board the actor may switch, with the board's state (for the staff form). */
export async function boardChoices(ctx: Ctx) {
	requirePermission(ctx.actor, MANAGE);
	const roles: readonly string[] = PERMISSIONS[MANAGE].roles;
	const grants = ctx.actor.grants.filter((g) => roles.includes(g.role));
	// An organisation-wide grant covers every neighbourhood (as for office hours); else only its areas.
	const anyArea = grants.some((g) => g.role === 'admin' || g.areaId === null);
	const areaIds = grants.map((g) => g.areaId).filter((id): id is string => id !== null);
	return ctx.db
		.select({ id: areasArea.id, name: areasArea.name, city: areasArea.city, code: areasArea.code, aidBoard: areasArea.aidBoard })
		.from(areasArea)
		.where(anyArea ? undefined : inArray(areasArea.id, areaIds.length ? areaIds : ['00000000-0000-0000-0000-000000000000']))
		.orderBy(asc(areasArea.city), asc(areasArea.name))
		.limit(500);
}

/** Switches a neighbourhood's board on or off; every switch leaves an audit row, even a repeated one. */
export async function setAidBoard(ctx: Ctx, raw: z.input<typeof boardSwitchInput>) {
	requirePermission(ctx.actor, MANAGE);
	const input = parseInput(boardSwitchInput, raw);
	const [area] = await ctx.db.select({ id: areasArea.id, aidBoard: areasArea.aidBoard }).from(areasArea).where(eq(areasArea.id, input.areaId));
	if (!area) throw new InvalidError({ areaId: 'error_choice' });
	requirePermission(ctx.actor, MANAGE, { areaId: area.id });
	return inTransaction(ctx, async (t) => {
		const [row] = await t.db
			.update(areasArea)
			.set({ aidBoard: input.show, updatedAt: new Date() })
			.where(eq(areasArea.id, area.id))
			.returning({ id: areasArea.id, name: areasArea.name, code: areasArea.code, aidBoard: areasArea.aidBoard });
		await audit(t, { action: 'update', entity: 'areas_area', entityId: area.id, details: { aidBoard: input.show, was: area.aidBoard } });
		return row!;
	});
}
