import { describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { formPost, outcome } from '../factories/page.ts';
import {
	closeNeedAsDuplicate,
	confirmNeed,
	createNeed,
	createNeedInput,
	createOffer,
	createOfferInput,
	getNeed,
	getOffer,
	joinNeighbourhood,
	listNeeds,
	proposeLink,
	respondToLink,
	suggestMatches,
	updateNeed,
	updateOffer,
	withdrawNeed
} from '../../src/lib/server/aid/index.ts';
import { loadActor } from '../../src/lib/server/access/index.ts';
import { accessRoleGrant } from '../../src/lib/server/access/schema.ts';
import { areasPlace } from '../../src/lib/server/areas/schema.ts';
import { peoplePerson } from '../../src/lib/server/people/schema.ts';
import { anonymous, type Actor } from '../../src/lib/server/core/context.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { aidLink, aidNeed, aidOffer } from '../../src/lib/server/aid/schema.ts';
import * as helpPage from '../../src/routes/(resident)/help/+page.server.ts';
import * as withdrawPage from '../../src/routes/(resident)/help/needs/[id]/withdraw/+page.server.ts';
import * as needPage from '../../src/routes/(resident)/help/needs/[id]/+page.server.ts';
import * as queuePage from '../../src/routes/(work)/aid/+page.server.ts';
import * as offerPage from '../../src/routes/(resident)/help/offers/[id]/+page.server.ts';
import * as staffNeedPage from '../../src/routes/(work)/aid/needs/[id]/+page.server.ts';

// Item 12: a person opens, changes and withdraws their own need, pauses their own offer; a
// facilitator closes a duplicate with a reason. Item 17: an account that signed up alone chooses a
// neighbourhood, asks for help at once, and what it says waits for that neighbourhood's facilitators.

const { db } = await freshAppDatabase();

const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const area = await makeArea(db, 'Rabot');
const noHouse = await makeArea(db, 'Zonder huis');
await db.insert(areasPlace).values({ areaId: area.id, organisationId: org.id, name: 'Wijkhuis Rabot', kind: 'neighbourhood_house' });
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const outreach = await makeActor(db, 'outreach', { organisationId: org.id, areaId: area.id });
const stranger = await makeActor(db, 'facilitator', { organisationId: otherOrg.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: area.id });
const neighbour = await makeActor(db, 'resident', { organisationId: org.id, areaId: area.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
const f = ctxFor(db, facilitator.actor);
const me = ctxFor(db, resident.actor);
const nobody = ctxFor(db, anonymous);

const TUESDAY = [{ day: 1, start: 540, end: 720 }];
const need = (ctx = me, personId = resident.person.id, title = 'Shopping on Tuesday') =>
	createNeed(ctx, createNeedInput.parse({ personId, category: 'errands', title, areaId: area.id, windows: TUESDAY }));
const offer = (ctx = ctxFor(db, volunteer.actor), personId = volunteer.person.id, capacity = 2) =>
	createOffer(ctx, createOfferInput.parse({ personId, category: 'errands', title: 'I do errands', areaId: area.id, windows: TUESDAY, capacity }));

const audits = async (entityId: string) =>
	db
		.select({ action: coreAudit.action, details: coreAudit.details, reason: coreAudit.reason })
		.from(coreAudit)
		.where(eq(coreAudit.entityId, entityId));
const row = async (id: string) => (await db.select().from(aidNeed).where(eq(aidNeed.id, id)))[0]!;
const offerRow = async (id: string) => (await db.select().from(aidOffer).where(eq(aidOffer.id, id)))[0]!;
const refused = async (p: Promise<unknown>) => ((await outcome(p)) as { status?: number }).status;

describe('getNeed / getOffer', () => {
	it('gives the person their own need, staff one in scope, and answers 404 to anyone else', async () => {
		const n = await need();
		expect((await getNeed(me, { id: n.id })).title).toBe('Shopping on Tuesday');
		expect((await getNeed(f, { id: n.id })).id).toBe(n.id);
		expect(await refused(getNeed(ctxFor(db, neighbour.actor), { id: n.id }))).toBe(404);
		expect(await refused(getNeed(ctxFor(db, stranger.actor), { id: n.id }))).toBe(404);
		expect(await refused(getNeed(nobody, { id: n.id }))).toBe(401);
		const o = await offer();
		expect((await getOffer(ctxFor(db, volunteer.actor), { id: o.id })).capacity).toBe(2);
		expect(await refused(getOffer(me, { id: o.id }))).toBe(404);
		expect(await refused(getOffer(ctxFor(db, stranger.actor), { id: o.id }))).toBe(404);
	});
});

describe('updateNeed', () => {
	it('changes only what is sent, with an audit row naming the fields', async () => {
		const n = await need();
		const changed = await updateNeed(me, { id: n.id, title: 'Shopping on Wednesday', windows: [{ day: 2, start: 600, end: 660 }] });
		expect(changed).toMatchObject({ title: 'Shopping on Wednesday', category: 'errands', windows: [{ day: 2, start: 600, end: 660 }] });
		expect(await audits(n.id)).toContainEqual(expect.objectContaining({ action: 'update', details: { fields: ['title', 'windows'] } }));
	});

	it('refuses staff (403), another resident (404) and bad input (422), changing nothing', async () => {
		const n = await need();
		const before = await row(n.id);
		expect(await refused(updateNeed(f, { id: n.id, title: 'Staff wrote this' }))).toBe(403);
		expect(await refused(updateNeed(ctxFor(db, neighbour.actor), { id: n.id, title: 'Not mine' }))).toBe(404);
		expect(await refused(updateNeed(me, { id: n.id, title: '' }))).toBe(422);
		expect(await refused(updateNeed(me, { id: n.id, windows: [{ day: 9, start: 0, end: 10 }] }))).toBe(422);
		// Another neighbourhood the resident holds no grant for.
		expect(await refused(updateNeed(me, { id: n.id, areaId: noHouse.id }))).toBe(422);
		expect(await row(n.id)).toEqual(before);
	});

	it('refuses a change once someone took the need on (409)', async () => {
		const n = await need();
		const o = await offer();
		const l = await proposeLink(f, { needId: n.id, offerId: o.id });
		await respondToLink(me, { linkId: l.id, answer: 'accept' });
		await respondToLink(ctxFor(db, volunteer.actor), { linkId: l.id, answer: 'accept' });
		expect(await refused(updateNeed(me, { id: n.id, title: 'Too late' }))).toBe(409);
	});
});

describe('withdrawNeed', () => {
	it('keeps the row, cancels an accepted link with the reason and frees the volunteer’s place', async () => {
		const n = await need();
		const o = await offer();
		const l = await proposeLink(f, { needId: n.id, offerId: o.id });
		await respondToLink(me, { linkId: l.id, answer: 'accept' });
		await respondToLink(ctxFor(db, volunteer.actor), { linkId: l.id, answer: 'accept' });
		expect((await offerRow(o.id)).activeLinks).toBe(1);

		const w = await withdrawNeed(me, { id: n.id, reason: 'My son helps me now' });
		expect(w).toMatchObject({ status: 'withdrawn', statusReason: 'My son helps me now' });
		const [link] = await db.select().from(aidLink).where(eq(aidLink.id, l.id));
		expect(link).toMatchObject({ status: 'cancelled', reason: 'My son helps me now' });
		expect((await offerRow(o.id)).activeLinks).toBe(0);
		expect(await audits(n.id)).toContainEqual(expect.objectContaining({ details: { from: 'matched', to: 'withdrawn', linksEnded: 1 } }));
		expect(await audits(l.id)).toContainEqual(expect.objectContaining({ details: { from: 'accepted', to: 'cancelled' } }));
		// Twice is harmless.
		expect((await withdrawNeed(me, { id: n.id })).status).toBe('withdrawn');
	});

	it('refuses staff and another resident, and bad input, changing nothing', async () => {
		const n = await need();
		expect(await refused(withdrawNeed(f, { id: n.id }))).toBe(403);
		expect(await refused(withdrawNeed(ctxFor(db, neighbour.actor), { id: n.id }))).toBe(404);
		expect(await refused(withdrawNeed(me, { id: n.id, reason: 'x'.repeat(301) }))).toBe(422);
		expect(await refused(withdrawNeed(nobody, { id: n.id }))).toBe(401);
		expect((await row(n.id)).status).toBe('open');
		expect(await audits(n.id)).toHaveLength(1);
	});

	it('the page asks for the ticked box first, and the person sees the result', async () => {
		const n = await need();
		const params = { id: n.id };
		const unticked = (await outcome(
			withdrawPage.actions.default!(formPost(`/help/needs/${n.id}/withdraw`, resident, { reason: '' }, { params }))
		)) as { status: number; data: { errors: Record<string, string> } };
		expect(unticked.status).toBe(400);
		expect(unticked.data.errors.confirm).toBe('Tick the box to confirm you want to withdraw it.');
		expect((await row(n.id)).status).toBe('open');
		const done = (await outcome(
			withdrawPage.actions.default!(formPost(`/help/needs/${n.id}/withdraw`, resident, { confirm: 'yes' }, { params }))
		)) as { status: number; location: string };
		expect(done).toMatchObject({ status: 303, location: `/help/needs/${n.id}?withdrawn=1` });
		expect((await row(n.id)).status).toBe('withdrawn');
		// Another resident's need: the same answer as an unknown one.
		const other = (await outcome(needPage.load(formPost(`/help/needs/${n.id}`, neighbour, {}, { params }) as never))) as { status: number };
		expect(other.status).toBe(404);
	});
});

describe('updateOffer: pause', () => {
	it('a paused offer is not suggested; taken up again, it is', async () => {
		const o = await offer();
		const n = await need();
		const v = ctxFor(db, volunteer.actor);
		const ids = async () => (await suggestMatches(f, { needId: n.id })).candidates.map((c) => c.offerId);
		expect(await ids()).toContain(o.id);
		expect((await updateOffer(v, { id: o.id, status: 'paused' })).status).toBe('paused');
		expect(await ids()).not.toContain(o.id);
		expect(await refused(proposeLink(f, { needId: n.id, offerId: o.id }))).toBe(409);
		expect(await audits(o.id)).toContainEqual(expect.objectContaining({ details: { fields: ['status'], from: 'active', to: 'paused' } }));
		await updateOffer(v, { id: o.id, status: 'active' });
		expect(await ids()).toContain(o.id);
	});

	it('refuses another volunteer, staff, places below the links held, and bad input', async () => {
		const o = await offer();
		const before = await offerRow(o.id);
		expect(await refused(updateOffer(me, { id: o.id, status: 'paused' }))).toBe(404);
		expect(await refused(updateOffer(f, { id: o.id, status: 'paused' }))).toBe(403);
		expect(await refused(updateOffer(ctxFor(db, volunteer.actor), { id: o.id, status: 'closed' as never }))).toBe(422);
		expect(await refused(updateOffer(ctxFor(db, volunteer.actor), { id: o.id, capacity: 0 }))).toBe(422);
		expect(await offerRow(o.id)).toEqual(before);
	});
});

describe('closeNeedAsDuplicate', () => {
	it('a facilitator closes it with a reason the person then reads; kept, audited', async () => {
		await need(me, resident.person.id, 'Shopping');
		const dup = await need(me, resident.person.id, 'Shopping');
		const closed = await closeNeedAsDuplicate(f, { id: dup.id, reason: 'The same as your request of today' });
		expect(closed).toMatchObject({ status: 'duplicate', statusReason: 'The same as your request of today' });
		expect((await getNeed(me, { id: dup.id })).statusReason).toBe('The same as your request of today');
		expect(await audits(dup.id)).toContainEqual(
			expect.objectContaining({ reason: 'The same as your request of today', details: { from: 'open', to: 'duplicate' } })
		);
	});

	it('refuses another organisation (404), outreach and the resident (403), no reason (422) and a need with a link (409)', async () => {
		const n = await need();
		expect(await refused(closeNeedAsDuplicate(ctxFor(db, stranger.actor), { id: n.id, reason: 'Same' }))).toBe(404);
		expect(await refused(closeNeedAsDuplicate(ctxFor(db, outreach.actor), { id: n.id, reason: 'Same one' }))).toBe(403);
		expect(await refused(closeNeedAsDuplicate(me, { id: n.id, reason: 'Same one' }))).toBe(403);
		expect(await refused(closeNeedAsDuplicate(f, { id: n.id, reason: '  ' }))).toBe(422);
		await proposeLink(f, { needId: n.id, offerId: (await offer()).id });
		expect(await refused(closeNeedAsDuplicate(f, { id: n.id, reason: 'Same one' }))).toBe(409);
		expect((await row(n.id)).status).toBe('open');
		expect(await audits(n.id)).toHaveLength(1);
	});

	it('the facilitator’s page asks for the ticked box', async () => {
		const n = await need();
		const params = { id: n.id };
		const unticked = (await outcome(
			staffNeedPage.actions.duplicate!(formPost(`/aid/needs/${n.id}?/duplicate`, facilitator, { reason: 'Same as the other' }, { params }))
		)) as { status: number; data: { errors: Record<string, string> } };
		expect(unticked.status).toBe(400);
		expect((await row(n.id)).status).toBe('open');
		const done = await staffNeedPage.actions.duplicate!(
			formPost(`/aid/needs/${n.id}?/duplicate`, facilitator, { reason: 'Same as the other', confirm: 'yes' }, { params })
		);
		expect(done).toMatchObject({ done: 'duplicate' });
		expect((await row(n.id)).status).toBe('duplicate');
	});
});

describe('an account that signed up alone (item 17)', () => {
	const reload = async (a: { user: { id: string } }) => ({ actor: (await loadActor(db, a.user.id))! as Actor });

	it('chooses a neighbourhood with a house; what it asks waits for that neighbourhood’s facilitators', async () => {
		const alone = await makeActor(db, null);
		// Before: the page offers the neighbourhoods with a house, and nothing of anyone else.
		const page = (await helpPage.load(formPost('/help', alone, {}) as never)) as { canJoin: boolean; choices: { areaId: string; house: string }[] };
		expect(page.canJoin).toBe(true);
		expect(page.choices).toEqual([expect.objectContaining({ areaId: area.id, house: 'Wijkhuis Rabot' })]);
		const joined = await outcome(helpPage.actions.join!(formPost('/help?/join', alone, { areaId: area.id })));
		expect(joined).toMatchObject({ status: 303, location: '/help?joined=1' });
		const [grant] = await db.select().from(accessRoleGrant).where(eq(accessRoleGrant.personId, alone.person.id));
		expect(grant).toMatchObject({ role: 'resident', organisationId: org.id, areaId: area.id, reviewed: false });
		expect(await audits(grant!.id)).toContainEqual(
			expect.objectContaining({ action: 'create', details: expect.objectContaining({ selfService: true }) })
		);

		const now = await reload(alone);
		const n = await need(ctxFor(db, now.actor), alone.person.id, 'Help with a letter');
		const o = await offer(ctxFor(db, now.actor), alone.person.id, 1);
		expect(n.status).toBe('review');
		expect(o.status).toBe('review');
		// In the facilitator's queue as "to review"; never suggested or proposed until confirmed.
		expect((await listNeeds(f, { areaId: area.id })).items.find((q) => q.id === n.id)?.status).toBe('review');
		expect((await listNeeds(ctxFor(db, stranger.actor), {})).items.map((q) => q.id)).not.toContain(n.id);
		expect(await refused(proposeLink(f, { needId: n.id, offerId: (await offer()).id }))).toBe(409);
		const other = await need();
		expect((await suggestMatches(f, { needId: other.id })).candidates.map((c) => c.offerId)).not.toContain(o.id);
		// The new resident sees nothing of others.
		expect(await refused(getNeed(ctxFor(db, now.actor), { id: other.id }))).toBe(404);
		expect(await refused(listNeeds(ctxFor(db, now.actor), {}))).toBe(403);
		// After "Ask for help" the page says what was saved.
		const saved = (await helpPage.load(formPost('/help?saved=need', now, {}) as never)) as { saved: unknown };
		expect(saved.saved).toEqual({ kind: 'need', id: n.id, title: 'Help with a letter', status: 'review' });

		// Only a facilitator of that neighbourhood confirms.
		expect(await refused(confirmNeed(ctxFor(db, stranger.actor), { id: n.id }))).toBe(404);
		expect(await refused(confirmNeed(ctxFor(db, outreach.actor), { id: n.id }))).toBe(403);
		expect(await refused(confirmNeed(ctxFor(db, now.actor), { id: n.id }))).toBe(403);
		expect((await confirmNeed(f, { id: n.id })).status).toBe('open');
		expect((await row(n.id)).status).toBe('open');
		expect((await offerRow(o.id)).status).toBe('active');
		expect((await db.select().from(accessRoleGrant).where(eq(accessRoleGrant.id, grant!.id)))[0]!.reviewed).toBe(true);
		expect(await audits(n.id)).toContainEqual(expect.objectContaining({ details: { from: 'review', to: 'open' } }));
		expect(await refused(confirmNeed(f, { id: n.id }))).toBe(409);
		// Confirmed once: the next need goes straight into matching.
		expect((await need(ctxFor(db, now.actor), alone.person.id, 'Another letter')).status).toBe('open');
	});

	it('someone who only offers help is confirmed from the queue, by that neighbourhood’s facilitators only', async () => {
		const alone = await makeActor(db, null);
		await joinNeighbourhood(ctxFor(db, alone.actor), { areaId: area.id });
		const now = await reload(alone);
		const o = await offer(ctxFor(db, now.actor), alone.person.id, 1);
		expect(o.status).toBe('review');
		const queue = (await queuePage.load(formPost(`/aid?areaId=${area.id}`, facilitator, {}) as never)) as { offersInReview: { id: string }[] };
		expect(queue.offersInReview.map((x) => x.id)).toContain(o.id);
		const elsewhere = (await queuePage.load(formPost('/aid', stranger, {}) as never)) as { offersInReview: { id: string }[] };
		expect(elsewhere.offersInReview.map((x) => x.id)).not.toContain(o.id);
		// Pausing an offer still to review would skip the look.
		expect(await refused(updateOffer(ctxFor(db, now.actor), { id: o.id, status: 'paused' }))).toBe(409);
		const wrong = (await outcome(queuePage.actions.confirmOffer!(formPost('/aid?/confirmOffer', stranger, { id: o.id })))) as { status: number };
		expect(wrong.status).toBe(404);
		expect((await offerRow(o.id)).status).toBe('review');
		expect(await queuePage.actions.confirmOffer!(formPost('/aid?/confirmOffer', facilitator, { id: o.id }))).toMatchObject({ done: 'confirmOffer' });
		expect((await offerRow(o.id)).status).toBe('active');
		expect(await audits(o.id)).toContainEqual(expect.objectContaining({ details: { from: 'review', to: 'active' } }));
	});

	it('the own pages send nobody to sign in and refuse staff (403) and other residents (404)', async () => {
		const n = await need();
		const o = await offer();
		const params = { id: n.id };
		const anon = (await outcome(needPage.load(formPost(`/help/needs/${n.id}`, null, {}, { params }) as never))) as {
			status: number;
			location: string;
		};
		expect(anon).toMatchObject({ status: 303, location: '/sign-in' });
		expect(((await outcome(needPage.load(formPost(`/help/needs/${n.id}`, facilitator, {}, { params }) as never))) as { status: number }).status).toBe(
			403
		);
		// getNeed now answers the person too: the staff page of the same need still refuses them.
		const staffView = await outcome(staffNeedPage.load(formPost(`/aid/needs/${n.id}`, resident, {}, { params }) as never));
		expect((staffView as { status: number }).status).toBe(403);
		const op = { params: { id: o.id } };
		expect(((await outcome(offerPage.load(formPost(`/help/offers/${o.id}`, resident, {}, op) as never))) as { status: number }).status).toBe(404);
		const pause = (await outcome(offerPage.actions.pause!(formPost(`/help/offers/${o.id}?/pause`, resident, { status: 'paused' }, op)))) as {
			status: number;
		};
		expect(pause.status).toBe(404);
		expect((await offerRow(o.id)).status).toBe('active');
		expect(await offerPage.actions.pause!(formPost(`/help/offers/${o.id}?/pause`, volunteer, { status: 'paused' }, op))).toMatchObject({
			done: 'paused'
		});
	});

	it('refuses a neighbourhood without a house, a second join, and anyone who holds a role; nothing is written', async () => {
		const alone = await makeActor(db, null);
		const grants = async () => ((await db.select({ n: count() }).from(accessRoleGrant)) as [{ n: number }])[0].n;
		const before = await grants();
		expect(await refused(joinNeighbourhood(ctxFor(db, alone.actor), { areaId: noHouse.id }))).toBe(422);
		expect(await refused(joinNeighbourhood(ctxFor(db, alone.actor), { areaId: 'not-a-uuid' }))).toBe(422);
		expect(await refused(joinNeighbourhood(nobody, { areaId: area.id }))).toBe(401);
		expect(await refused(joinNeighbourhood(f, { areaId: area.id }))).toBe(409);
		expect(await refused(joinNeighbourhood(me, { areaId: area.id }))).toBe(409);
		expect(await grants()).toBe(before);
		await joinNeighbourhood(ctxFor(db, alone.actor), { areaId: area.id });
		expect(await refused(joinNeighbourhood(ctxFor(db, alone.actor), { areaId: area.id }))).toBe(409);
		expect(await grants()).toBe(before + 1);
		// A house-added resident's needs are not held.
		expect((await need()).status).toBe('open');
		const held = await db
			.select({ n: count() })
			.from(accessRoleGrant)
			.where(and(eq(accessRoleGrant.personId, alone.person.id), eq(accessRoleGrant.reviewed, false)));
		expect(held[0]!.n).toBe(1);
	});
});

describe('from the review of this change', () => {
	it('a person another organisation recorded cannot join a neighbourhood here, and what they say is held, not matched', async () => {
		const recorded = await makeActor(db, null);
		await db.update(peoplePerson).set({ organisationId: otherOrg.id }).where(eq(peoplePerson.id, recorded.person.id));
		expect(await refused(joinNeighbourhood(ctxFor(db, recorded.actor), { areaId: area.id }))).toBe(409);
		expect(await db.select().from(accessRoleGrant).where(eq(accessRoleGrant.personId, recorded.person.id))).toHaveLength(0);
		// Held fails closed: a reviewed own grant in the need's organisation is the only way past review.
		const both = await makeActor(db, 'resident', { organisationId: org.id, areaId: area.id });
		await db.update(peoplePerson).set({ organisationId: otherOrg.id }).where(eq(peoplePerson.id, both.person.id));
		const held = await createNeed(
			ctxFor(db, both.actor),
			createNeedInput.parse({ personId: both.person.id, category: 'errands', title: 'Held', areaId: area.id, windows: TUESDAY })
		);
		expect(held.status).toBe('review');
	});

	it('an unknown neighbourhood is a 422 that changes nothing, also for someone welcomed in every area', async () => {
		const everywhere = await makeActor(db, 'resident', { organisationId: org.id, areaId: null });
		const ctx = ctxFor(db, everywhere.actor);
		const nowhere = '00000000-0000-4000-8000-000000000000';
		const create = createNeed(
			ctx,
			createNeedInput.parse({ personId: everywhere.person.id, category: 'errands', title: 'Nowhere', areaId: nowhere, windows: TUESDAY })
		);
		expect(await refused(create)).toBe(422);
		const n = await createNeed(
			ctx,
			createNeedInput.parse({ personId: everywhere.person.id, category: 'errands', title: 'Here', areaId: area.id, windows: TUESDAY })
		);
		expect(await refused(updateNeed(ctx, { id: n.id, areaId: nowhere }))).toBe(422);
		expect((await row(n.id)).areaId).toBe(area.id);
	});

	it('suggestions for a need are for staff of its organisation, not for its own person who is staff elsewhere', async () => {
		const twoHats = await makeActor(db, 'facilitator', { organisationId: otherOrg.id });
		await db.insert(accessRoleGrant).values({ personId: twoHats.person.id, role: 'volunteer', organisationId: org.id, areaId: area.id });
		const actor = (await loadActor(db, twoHats.user.id))!;
		const own = await createNeed(
			ctxFor(db, actor),
			createNeedInput.parse({ personId: twoHats.person.id, category: 'errands', title: 'My own', areaId: area.id, windows: TUESDAY })
		);
		expect((await getNeed(ctxFor(db, actor), { id: own.id })).id).toBe(own.id);
		expect(await refused(suggestMatches(ctxFor(db, actor), { needId: own.id }))).toBe(404);
		expect((await suggestMatches(f, { needId: own.id })).needId).toBe(own.id);
	});
});
