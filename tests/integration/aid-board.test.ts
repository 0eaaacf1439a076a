import { describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { formPost } from '../factories/page.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { BOARD_LIMIT, boardChoices, createNeed, publicBoard, setAidBoard } from '../../src/lib/server/aid/index.ts';
import { registerPerson, registerPersonInput } from '../../src/lib/server/people/index.ts';
import { anonymous } from '../../src/lib/server/core/context.ts';
import { ForbiddenError, InvalidError, NotFoundError, UnauthenticatedError } from '../../src/lib/server/core/errors.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { accessRoleGrant } from '../../src/lib/server/access/schema.ts';
import { loadActor } from '../../src/lib/server/access/index.ts';
import { aidBoard, aidNeed } from '../../src/lib/server/aid/schema.ts';

// The public, anonymous needs board: off by default, switched per neighbourhood and organisation by
// those who run its office hours (each organisation for the needs it holds), never a personal detail on it.

const { db } = await freshAppDatabase();

const org = await makeOrganisation(db, 'Buurtwerk Rabot vzw');
const otherOrg = await makeOrganisation(db);
const area = await makeArea(db, 'Rabot');
const otherArea = await makeArea(db, 'Brugse Poort');
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id });
const outreach = await makeActor(db, 'outreach', { organisationId: org.id, areaId: area.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: area.id });
const admin = await makeActor(db, 'admin', { organisationId: org.id });
const elsewhere = await makeActor(db, 'facilitator', { organisationId: otherOrg.id, areaId: otherArea.id });
const as = (a: { actor: Parameters<typeof ctxFor>[1] }) => ctxFor(db, a.actor);
/** The board as anyone sees it, without an account. */
const boardOf = async (code: string) => (await publicBoard(ctxFor(db, anonymous), { code })).board;

const person = await registerPerson(
	as(admin),
	registerPersonInput.parse({ firstName: 'Zeynepkadin', lastName: 'Vandenbroucke', phone: '0470 99 88 77', organisationId: org.id, areaId: area.id })
);
const need = (over: Partial<Parameters<typeof createNeed>[1]> = {}) =>
	createNeed(as(admin), {
		personId: person.id,
		areaId: area.id,
		category: 'errands',
		title: 'Boodschappen voor mevrouw Zeynepkadin',
		description: 'Woont op de Wondelgemstraat 12, derde verdieping',
		point: { lat: 51.0621, lon: 3.7123 },
		windows: [
			{ day: 3, start: 840, end: 960 },
			{ day: 1, start: 600, end: 720 }
		],
		languages: ['tr'],
		frequency: 'weekly',
		safeguarded: false,
		...over
	});

// A particular day: the board says so, never which day.
const soon = new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10);
const older = await need({ category: 'paperwork', title: 'Brief van het OCMW lezen', windows: [], dates: [{ date: soon }] });
// Fifteen days old: "2 weeks" on the board, never the date itself.
await db
	.update(aidNeed)
	.set({ createdAt: sql`now() - interval '15 days'` })
	.where(eq(aidNeed.id, older.id));
const newest = await need();
const matched = await need({ category: 'moving', title: 'Verhuis al geregeld' });
await db.update(aidNeed).set({ status: 'matched' }).where(eq(aidNeed.id, matched.id));
const notHere = await need({ areaId: otherArea.id, category: 'gardening', title: 'Tuin in de Brugse Poort' });
// Help with children or at home never goes on the public board.
const safeguarded = await need({ category: 'childcare', title: 'Oppas voor de kinderen', safeguarded: true });

const boardState = async () => Object.fromEntries((await db.select().from(aidBoard)).map((r) => [`${r.organisationId}:${r.areaId}`, true]));
const isOn = async (organisationId: string, areaId: string) => (await boardState())[`${organisationId}:${areaId}`] === true;
const audits = async () => ((await db.select({ n: count() }).from(coreAudit)) as [{ n: number }])[0].n;
const snapshot = async () => ({ boards: await boardState(), audits: await audits() });
const switchRows = (areaId: string) =>
	db
		.select()
		.from(coreAudit)
		.where(and(eq(coreAudit.entity, 'aid_board'), eq(coreAudit.entityId, areaId), eq(coreAudit.action, 'update')))
		.orderBy(coreAudit.at);

describe('the board while it is off', () => {
	it('is off by default, and then shows nothing at all', async () => {
		expect(await isOn(org.id, area.id)).toBe(false);
		expect(await boardOf(area.code)).toBeNull();
	});

	it('answers 404 for an unknown neighbourhood', async () => {
		await expect(boardOf('no-such-area')).rejects.toBeInstanceOf(NotFoundError);
		await expect(boardOf('x'.repeat(100_000))).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('switching the board', () => {
	it('refuses the wrong role and another neighbourhood, and changes nothing', async () => {
		const before = await snapshot();
		const on = { areaId: area.id, show: 'on' as const };
		await expect(setAidBoard(as(volunteer), on)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(setAidBoard(as(resident), on)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(setAidBoard(as(outreach), on)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(setAidBoard(as(elsewhere), on)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(setAidBoard(as(facilitator), { areaId: otherArea.id, show: 'on' })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(setAidBoard(ctxFor(db, anonymous), on)).rejects.toBeInstanceOf(UnauthenticatedError);
		const readOnlyToken = { ...admin.actor, via: 'token' as const, tokenScopes: ['read'] };
		await expect(setAidBoard(ctxFor(db, readOnlyToken), on)).rejects.toBeInstanceOf(ForbiddenError);
		expect(await snapshot()).toEqual(before);
	});

	it.each([
		['a malformed area id', { areaId: 'not-a-uuid', show: 'on' }, 'areaId'],
		['an SQL-looking area id', { areaId: "' or 1=1 --", show: 'on' }, 'areaId'],
		['no area at all', { show: 'on' }, 'areaId'],
		['a switch that is neither on nor off', { areaId: area.id, show: 'maybe' }, 'show'],
		['a malformed organisation id', { areaId: area.id, organisationId: 'x', show: 'on' }, 'organisationId']
	])('refuses %s with a 422 on the field, and changes nothing', async (_name, input, field) => {
		const before = await snapshot();
		const err = await setAidBoard(as(admin), input as never).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(InvalidError);
		expect((err as InvalidError).status).toBe(422);
		expect(Object.keys((err as InvalidError).fields)).toEqual([field]);
		expect(await snapshot()).toEqual(before);
	});

	it('answers an unknown neighbourhood as the 404 of an unknown record, and changes nothing', async () => {
		const before = await snapshot();
		await expect(setAidBoard(as(admin), { areaId: '3f0c9b7e-0000-4000-8000-000000000000', show: 'on' })).rejects.toBeInstanceOf(NotFoundError);
		expect(await snapshot()).toEqual(before);
	});

	it('lets the facilitator of the neighbourhood switch it on, with an audit row', async () => {
		const row = await setAidBoard(as(facilitator), { areaId: area.id, show: 'on' });
		expect(row).toMatchObject({ id: area.id, organisationId: org.id, aidBoard: true });
		expect(await boardState()).toEqual({ [`${org.id}:${area.id}`]: true });
		const rows = await switchRows(area.id);
		expect(rows.map((r) => [r.actorUserId, r.details])).toEqual([[facilitator.user.id, { organisationId: org.id, aidBoard: true, was: false }]]);
	});

	it('offers each staff member only the neighbourhoods they may switch', async () => {
		expect((await boardChoices(as(facilitator))).map((a) => [a.id, a.aidBoard])).toEqual([[area.id, true]]);
		expect((await boardChoices(as(elsewhere))).map((a) => [a.organisationId, a.id])).toEqual([[otherOrg.id, otherArea.id]]);
		expect((await boardChoices(as(coordinator))).map((a) => a.id).sort()).toEqual([area.id, otherArea.id].sort());
		await expect(boardChoices(as(outreach))).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('the board while it is on', () => {
	it('shows the open needs of this neighbourhood only (never safeguarded ones), newest first, with the total', async () => {
		const board = (await boardOf(area.code))!;
		expect(board.total).toBe(2);
		expect(board.entries).toEqual([
			{
				category: 'errands',
				windows: [
					{ day: 1, start: 600, end: 720 },
					{ day: 3, start: 840, end: 960 }
				],
				onParticularDays: false,
				weeksOpen: 0
			},
			{ category: 'paperwork', windows: [], onParticularDays: true, weeksOpen: 2 }
		]);
		expect(await boardOf(otherArea.code)).toBeNull();
	});

	it('carries no personal field: exactly category, windows and weeks, nothing that points back', async () => {
		const board = (await boardOf(area.code))!;
		expect(Object.keys(board).sort()).toEqual(['entries', 'total']);
		for (const e of board.entries) {
			expect(Object.keys(e).sort()).toEqual(['category', 'onParticularDays', 'weeksOpen', 'windows']);
			for (const w of e.windows) expect(Object.keys(w).sort()).toEqual(['day', 'end', 'start']);
		}
		const json = JSON.stringify(board);
		for (const secret of [
			'Zeynepkadin',
			'Vandenbroucke',
			'0470',
			'Boodschappen voor',
			'OCMW',
			'Wondelgem',
			'51.06',
			'3.71',
			'Buurtwerk',
			person.id,
			org.id,
			area.id,
			newest.id,
			older.id,
			matched.id,
			notHere.id,
			safeguarded.id,
			soon,
			soon.slice(5),
			'childcare',
			'moving',
			'gardening',
			'createdAt',
			String(new Date().getFullYear())
		])
			expect(json).not.toContain(secret);
	});

	it(`shows at most ${BOARD_LIMIT} entries but counts them all`, async () => {
		const many = Array.from({ length: BOARD_LIMIT + 5 }, (_, i) => ({
			personId: person.id,
			organisationId: org.id,
			areaId: otherArea.id,
			category: 'company',
			title: `Gezelschap ${i}`
		}));
		await db.insert(aidNeed).values(many);
		await setAidBoard(as(admin), { areaId: otherArea.id, show: true });
		const board = (await boardOf(otherArea.code))!;
		expect(board.total).toBe(BOARD_LIMIT + 5 + 1);
		expect(board.entries).toHaveLength(BOARD_LIMIT);
	});

	it('renders on the neighbourhood page, and nothing of it when switched off again (audited again)', async () => {
		const { load } = await import('../../src/routes/(public)/areas/[code]/+page.server.ts');
		const event = { params: { code: area.code }, locals: { locale: 'ar' } } as never;
		const data = (await load(event)) as { board: { total: number; entries: unknown[] } | null };
		expect(data.board?.total).toBe(2);
		expect(JSON.stringify(data)).not.toContain('Zeynepkadin');

		await setAidBoard(as(coordinator), { areaId: area.id, show: '' });
		expect(((await load(event)) as { board: unknown }).board).toBeNull();
		// A repeated switch is still a switch: each one leaves its row.
		await setAidBoard(as(coordinator), { areaId: area.id });
		const rows = await switchRows(area.id);
		expect(rows.map((r) => r.details)).toEqual([
			{ organisationId: org.id, aidBoard: true, was: false },
			{ organisationId: org.id, aidBoard: false, was: true },
			{ organisationId: org.id, aidBoard: false, was: false }
		]);
	});
});

describe('each organisation decides for its own needs', () => {
	it('never lets one organisation publish another’s needs, nor see its switch as its own', async () => {
		// An organisation-wide facilitator of another organisation covers every neighbourhood, for their own needs only.
		const wide = await makeActor(db, 'facilitator', { organisationId: otherOrg.id });
		const before = await snapshot();
		await expect(setAidBoard(as(wide), { areaId: area.id, organisationId: org.id, show: 'on' })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(setAidBoard(as(elsewhere), { areaId: otherArea.id, organisationId: org.id, show: 'on' })).rejects.toBeInstanceOf(ForbiddenError);
		expect(await snapshot()).toEqual(before);
		// Switched on by the other organisation alone: the board exists, but none of org's needs are on it.
		const wasOn = await isOn(org.id, otherArea.id);
		if (wasOn) await setAidBoard(as(admin), { areaId: otherArea.id, show: false });
		const row = await setAidBoard(as(wide), { areaId: otherArea.id, show: 'on' });
		expect(row.organisationId).toBe(otherOrg.id);
		const board = (await boardOf(otherArea.code))!;
		expect(board).toEqual({ total: 0, entries: [] });
		expect(JSON.stringify(board)).not.toContain('gardening');
		await setAidBoard(as(wide), { areaId: otherArea.id, show: false });
		if (wasOn) await setAidBoard(as(admin), { areaId: otherArea.id, show: true });
	});

	it('asks which organisation when the actor manages boards for more than one', async () => {
		const both = await makeActor(db, 'coordinator', { organisationId: org.id });
		await db.insert(accessRoleGrant).values({ personId: both.person.id, role: 'coordinator', organisationId: otherOrg.id });
		const actor = (await loadActor(db, both.user.id))!;
		const before = await snapshot();
		const err = await setAidBoard(ctxFor(db, actor), { areaId: area.id, show: 'on' }).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(InvalidError);
		expect(Object.keys((err as InvalidError).fields)).toEqual(['organisationId']);
		expect(await snapshot()).toEqual(before);
		const choices = await boardChoices(ctxFor(db, actor));
		expect(new Set(choices.map((c) => c.organisationId))).toEqual(new Set([org.id, otherOrg.id]));
	});
});

describe('the switch on the office-hours page', () => {
	const post = (actor: { actor: unknown }, fields: Array<[string, string]>) => formPost('/aid/office-hours?/board', actor, fields, { locale: 'nl' });

	it('switches from the form and says what is now shown', async () => {
		const { actions } = await import('../../src/routes/(work)/aid/office-hours/+page.server.ts');
		const res = await actions.board!(
			post(facilitator, [
				['areaId', area.id],
				['show', 'on']
			])
		);
		expect(res).toEqual({ boardSwitched: { name: 'Rabot', on: true } });
		expect(await isOn(org.id, area.id)).toBe(true);
	});

	it('lists the neighbourhoods with their state on the page', async () => {
		const { load } = await import('../../src/routes/(work)/aid/office-hours/+page.server.ts');
		const data = (await load({ locals: { actor: facilitator.actor, locale: 'nl' }, url: new URL('http://localhost/aid/office-hours') } as never)) as {
			boards: Array<{ id: string; aidBoard: boolean }>;
		};
		expect(data.boards.map((a) => [a.id, a.aidBoard])).toEqual([[area.id, true]]);
	});

	it('refuses the wrong role with 403 and bad input with 400/422 and a field message, changing nothing', async () => {
		const { actions } = await import('../../src/routes/(work)/aid/office-hours/+page.server.ts');
		const before = await snapshot();
		const refused = (await actions.board!(post(volunteer, [['areaId', area.id]]))) as { status: number };
		expect(refused.status).toBe(403);
		const wrongArea = (await actions.board!(post(facilitator, [['areaId', otherArea.id]]))) as { status: number };
		expect(wrongArea.status).toBe(403);
		const malformed = (await actions.board!(
			post(facilitator, [
				['areaId', 'abc'],
				['show', 'on']
			])
		)) as { status: number; data: { form: string; errors: Record<string, string> } };
		expect(malformed.status).toBe(400);
		expect(malformed.data.form).toBe('board');
		expect(malformed.data.errors.areaId).toBeTruthy();
		const unknown = (await actions.board!(post(admin, [['areaId', '3f0c9b7e-0000-4000-8000-000000000000']]))) as {
			status: number;
			data: { message: string };
		};
		expect(unknown.status).toBe(404);
		expect(unknown.data.message).toBeTruthy();
		expect(await snapshot()).toEqual(before);
	});
});
