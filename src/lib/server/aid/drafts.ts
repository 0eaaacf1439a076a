import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Ctx, InvalidError, NotFoundError, defineVerb } from '../core/index.ts';
import { permission } from '../access/index.ts';
import { areaBoundary } from '../areas/index.ts';
import { baseLocale, isLocale } from '#lib/paraglide/runtime.js';
import { categoryLabelIn } from '#lib/labels.ts';
import { aidDraft, DRAFT_KINDS, type DraftValues } from './schema.ts';
import { answerStep, draftFields, firstMissing, fromDraft, STEPS, type TitleOf } from './steps.ts';
import { pointFromClick } from './form.ts';
import { createNeed, createOffer } from './needs.ts';

// The need or offer being said one question at a time, kept on the server between the steps. Only
// the person's own (aid.own.write): a draft is found by its person, never by an id alone, so someone
// else's is unknown (404).
//
// Saving a step writes no audit row: a draft is the person's own unfinished sentence, not yet a
// record the organisation holds or acts on, and a row per tap would bury the real changes in the log.
// What is sent is audited by createNeed / createOffer, in the same transaction.

/** Drafts untouched this long are gone: there is no job runner for retention, so every save sweeps them. */
const STALE = sql`now() - interval '30 days'`;

const kind = z.enum(DRAFT_KINDS, { message: 'error_choice' });
const locale = z.string().max(10).default(baseLocale);
const draftValues = z.record(z.string().max(100), z.union([z.string().max(20_001), z.array(z.string().max(2_000)).max(50)]));

const titleIn =
	(l: string): TitleOf =>
	(category) =>
		categoryLabelIn(category, isLocale(l) ? l : baseLocale);

function ownPerson(ctx: Ctx): string {
	if (!ctx.actor.personId) throw new NotFoundError();
	return ctx.actor.personId;
}

async function lockOwnDraft(ctx: Ctx, id: string) {
	const [row] = await ctx.db
		.select()
		.from(aidDraft)
		.where(and(eq(aidDraft.id, id), eq(aidDraft.personId, ownPerson(ctx)), gt(aidDraft.updatedAt, STALE)))
		.for('update');
	if (!row) throw new NotFoundError();
	return row;
}

/** The caller's open draft of this kind (null when none, or when it went stale). */
export const readDraft = defineVerb({
	name: 'aid.draft.read',
	summary: 'The caller’s own unfinished need or offer, as the question pages gathered it',
	permission: permission('aid.own.write'),
	input: z.object({ kind, locale }),
	writes: false,
	access: ownPerson,
	run: async (ctx, input, personId) => {
		const [row] = await ctx.db
			.select({ id: aidDraft.id, values: aidDraft.values })
			.from(aidDraft)
			.where(and(eq(aidDraft.personId, personId), eq(aidDraft.kind, input.kind), gt(aidDraft.updatedAt, STALE)));
		if (!row) return null;
		return { id: row.id, values: draftFields(row.values), missing: firstMissing(input.kind, row.values, titleIn(input.locale)) };
	}
});

/**
 * One step answered: checked with the verbs' rules for that part, then kept. A refused step changes
 * nothing (422 with field errors). Step `point` is a tap on the "Where?" map (map.x/map.y, in pixels
 * of the picture of the chosen neighbourhood), or `clear` to remove it.
 */
export const saveDraftStep = defineVerb({
	name: 'aid.draft.save',
	summary: 'Keep one answered step of the caller’s own unfinished need or offer',
	permission: permission('aid.own.write'),
	input: z.object({ kind, step: z.enum([...STEPS, 'point'], { message: 'error_choice' }), values: draftValues, locale }),
	writes: true,
	access: ownPerson,
	run: async (ctx, input, personId) => {
		const [row] = await ctx.db
			.select()
			.from(aidDraft)
			.where(and(eq(aidDraft.personId, personId), eq(aidDraft.kind, input.kind)))
			.for('update');
		const before: DraftValues = row && row.updatedAt > new Date(Date.now() - 30 * 86_400_000) ? row.values : {};
		const posted = input.step === 'point' ? await pointPosted(ctx, before, input.values) : input.values;
		const answer = answerStep(input.kind, input.step, before, posted, titleIn(input.locale));
		if (!answer.ok) throw new InvalidError(answer.errors);
		await ctx.db.delete(aidDraft).where(lt(aidDraft.updatedAt, STALE));
		const [saved] = await ctx.db
			.insert(aidDraft)
			.values({ personId, kind: input.kind, values: answer.values })
			.onConflictDoUpdate({ target: [aidDraft.personId, aidDraft.kind], set: { values: answer.values, updatedAt: new Date() } })
			.returning({ id: aidDraft.id });
		return { id: saved!.id, values: answer.values };
	},
	audit: () => null
});

/**
 * A tap on the map → the point's fields, with the neighbourhood whose map was shown (the one chosen on
 * the page, perhaps not kept yet); `clear` → no point.
 */
async function pointPosted(ctx: Ctx, draft: DraftValues, values: DraftValues): Promise<DraftValues> {
	const areaId = typeof values.areaId === 'string' && values.areaId ? values.areaId : typeof draft.areaId === 'string' ? draft.areaId : '';
	const keep: DraftValues = areaId ? { areaId } : {};
	if (values.point === 'clear') return keep;
	const area = z.uuid().safeParse(areaId).success ? await areaBoundary(ctx, { id: areaId }) : null;
	if (!area) throw new InvalidError({ point: 'map_error_no_map' });
	const click = pointFromClick(values, area.boundary);
	if ('error' in click) throw new InvalidError({ point: click.error });
	return { ...keep, lat: String(click.point.lat), lon: String(click.point.lon) };
}

/**
 * "Send": the draft becomes a need or offer through createNeed / createOffer (their rules, their
 * audit row), and the draft is gone, in one transaction. An unfinished draft is refused (422) naming
 * the first step still to answer.
 */
export const sendDraft = defineVerb({
	name: 'aid.draft.send',
	summary: 'Turn the caller’s own finished draft into a need or offer, and remove the draft',
	permission: permission('aid.own.write'),
	input: z.object({ id: z.uuid('error_not_found'), locale }),
	writes: true,
	access: (ctx, { id }) => lockOwnDraft(ctx, id),
	run: async (ctx, input, draft) => {
		const titleOf = titleIn(input.locale);
		const missing = firstMissing(draft.kind, draft.values, titleOf);
		if (missing) throw new InvalidError({ [missing]: 'aid_error_draft_incomplete' });
		const data = fromDraft(draft.kind, draft.values, draft.personId, titleOf);
		const made =
			draft.kind === 'need'
				? await createNeed(ctx, data as z.input<typeof createNeed.spec.input>)
				: await createOffer(ctx, data as z.input<typeof createOffer.spec.input>);
		await ctx.db.delete(aidDraft).where(eq(aidDraft.id, draft.id));
		return { kind: draft.kind, id: made.id };
	},
	// The need or offer made has its own audit row (createNeed / createOffer); the draft had none.
	audit: () => null
});

/** "Start again": the caller's own draft is removed. */
export const discardDraft = defineVerb({
	name: 'aid.draft.discard',
	summary: 'Remove the caller’s own unfinished need or offer',
	permission: permission('aid.own.write'),
	input: z.object({ id: z.uuid('error_not_found') }),
	writes: true,
	access: (ctx, { id }) => lockOwnDraft(ctx, id),
	run: async (ctx, _input, draft) => {
		await ctx.db.delete(aidDraft).where(eq(aidDraft.id, draft.id));
		return { kind: draft.kind };
	},
	audit: () => null
});
