import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { outcome } from '../factories/page.ts';
import { discardDraft, readDraft, saveDraftStep, sendDraft, whatNext } from '../../src/lib/server/aid/index.ts';
import { aidDraft, aidNeed, aidOffer, aidOfficeHour } from '../../src/lib/server/aid/schema.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import type { InvalidError } from '../../src/lib/server/core/errors.ts';

// Issue 12, the question pages: the draft kept between the steps is the person's own, a refused step
// changes nothing, an unfinished draft is not sent, and a sent one is gone.

const { db } = await freshAppDatabase();

const org = await makeOrganisation(db, 'Wijkhuis Rabot');
const area = await makeArea(db, 'Rabot');
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: area.id });
const neighbour = await makeActor(db, 'resident', { organisationId: org.id, areaId: area.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const me = ctxFor(db, resident.actor);
const them = ctxFor(db, neighbour.actor);

const status = async (p: Promise<unknown>) => ((await outcome(p)) as { status?: number }).status;
const fields = async (p: Promise<unknown>) => ((await outcome(p)) as InvalidError).fields;
const draftRows = (personId: string) => db.select().from(aidDraft).where(eq(aidDraft.personId, personId));

/** The whole need journey, the way the pages post it. */
async function answerAll(ctx = me) {
	await saveDraftStep(ctx, { kind: 'need', step: 'what', values: { category: 'errands' } });
	await saveDraftStep(ctx, { kind: 'need', step: 'when', values: { when: ['mornings'], frequency: 'weekly' } });
	await saveDraftStep(ctx, { kind: 'need', step: 'where', values: { areaId: area.id } });
	return saveDraftStep(ctx, { kind: 'need', step: 'more', values: { description: 'Heavy bags', languages: ['nl', 'ar'] } });
}

describe('the draft is one’s own', () => {
	it('another person reads only their own (none) and cannot send or discard mine (404), which stays as it was', async () => {
		const mine = await answerAll();
		expect(await readDraft(them, { kind: 'need' })).toBeNull();
		expect(await status(sendDraft(them, { id: mine.id }))).toBe(404);
		expect(await status(discardDraft(them, { id: mine.id }))).toBe(404);
		// Their own save writes their own row, never mine.
		await saveDraftStep(them, { kind: 'need', step: 'what', values: { category: 'moving' } });
		const [row] = await draftRows(resident.person.id);
		expect(row!.values.category).toBe('errands');
		expect((await readDraft(me, { kind: 'need' }))!.id).toBe(mine.id);
		await discardDraft(me, { id: mine.id });
		await discardDraft(them, { id: (await readDraft(them, { kind: 'need' }))!.id });
	});

	it('someone without a person, or signed out, gets nothing', async () => {
		expect(await status(readDraft(ctxFor(db, { ...resident.actor, userId: null, personId: null }), { kind: 'need' }))).toBe(401);
		expect(await status(saveDraftStep(ctxFor(db, facilitator.actor), { kind: 'need', step: 'what', values: { category: 'errands' } }))).toBe(403);
	});
});

describe('a step', () => {
	it('refuses bad input with field errors and changes nothing', async () => {
		await saveDraftStep(me, { kind: 'need', step: 'what', values: { category: 'errands' } });
		const before = (await draftRows(resident.person.id))[0]!;
		expect(await fields(saveDraftStep(me, { kind: 'need', step: 'what', values: { category: 'nonsense' } }))).toEqual({
			category: 'aid_error_category'
		});
		expect(await fields(saveDraftStep(me, { kind: 'need', step: 'when', values: {} }))).toEqual({ when: 'aid_error_when_none' });
		expect(await fields(saveDraftStep(me, { kind: 'need', step: 'when', values: { when: ['day'] } }))).toEqual({ d0_date: 'aid_error_day_missing' });
		expect(await fields(saveDraftStep(me, { kind: 'need', step: 'when', values: { when: ['day'], d0_date: '2001-01-01' } }))).toEqual({
			d0_date: 'aid_error_date_past'
		});
		// An exact row over a quick pick's hours is the verbs' overlap rule.
		expect(
			await fields(saveDraftStep(me, { kind: 'need', step: 'when', values: { when: ['mornings'], w0_day: '0', w0_start: '10:00', w0_end: '11:00' } }))
		).toEqual({ when: 'aid_error_window_overlap' });
		expect(await fields(saveDraftStep(me, { kind: 'need', step: 'more', values: { title: 'ab' } }))).toEqual({ title: 'error_required' });
		expect(await status(saveDraftStep(me, { kind: 'need', step: 'point', values: { 'map.x': '0', 'map.y': '0' } }))).toBe(422);
		const after = (await draftRows(resident.person.id))[0]!;
		expect(after.values).toEqual(before.values);
		expect(after.updatedAt).toEqual(before.updatedAt);
		await discardDraft(me, { id: after.id });
	});

	it('keeps the answers of the other steps and writes no audit row', async () => {
		const saved = await answerAll();
		await saveDraftStep(me, { kind: 'need', step: 'when', values: { when: ['evenings', 'weekends'] } });
		const draft = await readDraft(me, { kind: 'need' });
		expect(draft!.values).toMatchObject({ category: 'errands', when: ['evenings', 'weekends'], areaId: area.id, description: 'Heavy bags' });
		// The frequency belongs to the "When?" step: posted without it, it falls back to once.
		expect(draft!.values.frequency).toBeUndefined();
		expect(await db.select().from(coreAudit).where(eq(coreAudit.entityId, saved.id))).toHaveLength(0);
		await discardDraft(me, { id: saved.id });
	});
});

describe('send', () => {
	it('refuses an unfinished draft, naming the first step still to answer', async () => {
		const d = await saveDraftStep(me, { kind: 'need', step: 'what', values: { category: 'errands' } });
		await saveDraftStep(me, { kind: 'need', step: 'where', values: { areaId: area.id } });
		expect((await readDraft(me, { kind: 'need' }))!.missing).toBe('when');
		expect(await fields(sendDraft(me, { id: d.id }))).toEqual({ when: 'aid_error_draft_incomplete' });
		expect(await db.select().from(aidNeed).where(eq(aidNeed.personId, resident.person.id))).toHaveLength(0);
		expect(await draftRows(resident.person.id)).toHaveLength(1);
		await discardDraft(me, { id: d.id });
	});

	it('makes the need through createNeed (quick picks as windows, the category as title) and the draft is gone', async () => {
		const d = await answerAll();
		expect((await readDraft(me, { kind: 'need' }))!.missing).toBeNull();
		const sent = await sendDraft(me, { id: d.id, locale: 'nl' });
		const [need] = await db.select().from(aidNeed).where(eq(aidNeed.id, sent.id));
		expect(need).toMatchObject({ category: 'errands', title: 'Boodschappen', description: 'Heavy bags', frequency: 'weekly', areaId: area.id });
		expect(need!.windows).toEqual([0, 1, 2, 3, 4].map((day) => ({ day, start: 540, end: 720 })));
		expect(need!.languages).toEqual(['nl', 'ar']);
		expect(await draftRows(resident.person.id)).toHaveLength(0);
		expect(await readDraft(me, { kind: 'need' })).toBeNull();
		// Sent once: the same id again is unknown.
		expect(await status(sendDraft(me, { id: d.id }))).toBe(404);
		const audit = await db.select().from(coreAudit).where(eq(coreAudit.entityId, sent.id));
		expect(audit.map((a) => a.action)).toEqual(['create']);
	});

	it('makes an offer with its capacity', async () => {
		const v = ctxFor(db, volunteer.actor);
		await saveDraftStep(v, { kind: 'offer', step: 'what', values: { category: 'repairs' } });
		await saveDraftStep(v, { kind: 'offer', step: 'when', values: { when: ['weekends'] } });
		await saveDraftStep(v, { kind: 'offer', step: 'where', values: { areaId: area.id } });
		expect(await fields(saveDraftStep(v, { kind: 'offer', step: 'more', values: { capacity: '50' } }))).toEqual({ capacity: 'aid_error_capacity' });
		const d = await saveDraftStep(v, { kind: 'offer', step: 'more', values: { title: 'Bikes fixed', capacity: '3' } });
		const sent = await sendDraft(v, { id: d.id });
		const [offer] = await db.select().from(aidOffer).where(eq(aidOffer.id, sent.id));
		expect(offer).toMatchObject({ title: 'Bikes fixed', capacity: 3, category: 'repairs' });
	});
});

describe('what happens next', () => {
	it('names the facilitator of the neighbourhood, the organisation and its office hour; only for one’s own need', async () => {
		await db.insert(aidOfficeHour).values({ organisationId: org.id, areaId: area.id, place: 'Wijkhuis', day: 1, start: 600, end: 720 });
		const d = await answerAll();
		const { id } = await sendDraft(me, { id: d.id });
		const next = await whatNext(me, { kind: 'need', id });
		expect(next).toEqual({
			held: false,
			organisation: 'Wijkhuis Rabot',
			facilitator: facilitator.person.firstName,
			officeHour: expect.objectContaining({ day: 1, start: 600, end: 720 })
		});
		expect(await status(whatNext(them, { kind: 'need', id }))).toBe(404);
	});
});

describe('the question pages', () => {
	it('never have a default action beside named ones (SvelteKit answers such a page with a 500)', async () => {
		const pages = await Promise.all([
			import('../../src/routes/(resident)/help/[kind]/+page.server.ts'),
			import('../../src/routes/(resident)/help/[kind]/when/+page.server.ts'),
			import('../../src/routes/(resident)/help/[kind]/where/+page.server.ts'),
			import('../../src/routes/(resident)/help/[kind]/more/+page.server.ts'),
			import('../../src/routes/(resident)/help/[kind]/check/+page.server.ts')
		]);
		for (const page of pages) {
			const names = Object.keys(page.actions);
			expect(names.length === 1 || !names.includes('default'), names.join(', ')).toBe(true);
		}
	});
});
