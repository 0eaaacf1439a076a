import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { formPost, outcome } from '../factories/page.ts';
import { createNeed, createNeedInput, createOffer, createOfferInput, proposeLink } from '../../src/lib/server/aid/index.ts';
import { aidLink } from '../../src/lib/server/aid/schema.ts';
import * as question from '../../src/routes/(resident)/help/links/[id]/+page.server.ts';
import * as decline from '../../src/routes/(resident)/help/links/[id]/decline/+page.server.ts';
import * as done from '../../src/routes/(resident)/help/links/[id]/done/+page.server.ts';

// Issue 12: a proposed link is answered on question pages of its own. Yes answers at once; no asks
// why (optional) first; both end on a confirmation page by a redirect (Post/Redirect/Get). Only a
// side of the link gets there: another resident's link is unknown (404), a staff role is refused (403).

const { db } = await freshAppDatabase();

const org = await makeOrganisation(db, 'Wijkhuis Rabot');
const area = await makeArea(db, 'Rabot');
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const f = ctxFor(db, facilitator.actor);
const neighbour = await makeActor(db, 'resident', { organisationId: org.id, areaId: area.id });
const TUESDAY = [{ day: 1, start: 540, end: 720 }];

type Actor = Awaited<ReturnType<typeof makeActor>>;
async function proposed() {
	const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: area.id });
	const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
	const need = await createNeed(
		ctxFor(db, resident.actor),
		createNeedInput.parse({ personId: resident.person.id, category: 'errands', title: 'Shopping', areaId: area.id, windows: TUESDAY })
	);
	const offer = await createOffer(
		ctxFor(db, volunteer.actor),
		createOfferInput.parse({ personId: volunteer.person.id, category: 'errands', title: 'Errands', areaId: area.id, windows: TUESDAY, capacity: 2 })
	);
	const link = await proposeLink(f, { needId: need.id, offerId: offer.id });
	return { resident, volunteer, link };
}

const row = async (id: string) => (await db.select().from(aidLink).where(eq(aidLink.id, id)))[0]!;
const params = (id: string) => ({ params: { id } });
const open = (page: typeof question | typeof decline | typeof done, who: Actor | null, id: string, path = '') =>
	outcome(page.load(formPost(`/help/links/${id}${path}`, who, {}, params(id)) as never));
const post = (page: typeof question | typeof decline, who: Actor | null, id: string, fields: Record<string, string>, path = '') =>
	outcome(page.actions.default!(formPost(`/help/links/${id}${path}`, who, fields, params(id))));

describe('the question "do you want to help …?"', () => {
	it('shows the side what it needs to decide, and nothing of the other side’s contact yet', async () => {
		const { volunteer, resident, link } = await proposed();
		const seen = (await open(question, volunteer, link.id)) as { link: Record<string, unknown> };
		expect(seen.link).toMatchObject({
			id: link.id,
			side: 'offer',
			status: 'proposed',
			iAccepted: false,
			category: 'errands',
			title: 'Shopping',
			broker: 'Wijkhuis Rabot',
			when: { windows: TUESDAY, dates: [] },
			other: { firstName: resident.person.firstName, areaName: 'Rabot', contact: null }
		});
		expect(((await open(question, resident, link.id)) as { link: { side: string } }).link.side).toBe('need');
	});

	it('is unknown (404) to another resident, refused (403) to staff, and sends nobody to sign in', async () => {
		const { link } = await proposed();
		for (const path of ['', '/decline', '/done'] as const) {
			const page = path === '' ? question : path === '/decline' ? decline : done;
			expect(await open(page, neighbour, link.id, path)).toMatchObject({ status: 404 });
			expect(await open(page, facilitator, link.id, path)).toMatchObject({ status: 403 });
			expect(await open(page, null, link.id, path)).toMatchObject({ status: 303, location: '/sign-in' });
			expect(await open(page, neighbour, 'not-a-uuid', path)).toMatchObject({ status: 404 });
		}
		const before = await row(link.id);
		expect(await post(question, neighbour, link.id, { answer: 'yes' })).toMatchObject({ status: 404 });
		expect(await post(question, facilitator, link.id, { answer: 'yes' })).toMatchObject({ status: 403 });
		expect(await post(decline, neighbour, link.id, { reason: 'no' }, '/decline')).toMatchObject({ status: 404 });
		expect(await row(link.id)).toEqual(before);
	});
});

describe('answering', () => {
	it('yes: accepted at once, then the confirmation page; the question is not asked again', async () => {
		const { volunteer, resident, link } = await proposed();
		expect(await post(question, volunteer, link.id, { answer: 'yes' })).toMatchObject({ status: 303, location: `/help/links/${link.id}/done` });
		expect((await row(link.id)).offerAcceptedAt).not.toBeNull();
		// Back button or a second tab: the question and the "why not" page lead to what happens next.
		expect(await open(question, volunteer, link.id)).toMatchObject({ status: 303, location: `/help/links/${link.id}/done` });
		expect(await open(decline, volunteer, link.id, '/decline')).toMatchObject({ status: 303, location: `/help/links/${link.id}/done` });
		expect(((await open(done, volunteer, link.id, '/done')) as { link: { iAccepted: boolean; status: string } }).link).toMatchObject({
			iAccepted: true,
			status: 'proposed'
		});
		// The other side has not answered: its confirmation page sends it to the question first.
		expect(await open(done, resident, link.id, '/done')).toMatchObject({ status: 303, location: `/help/links/${link.id}` });
		// Both said yes: the link is accepted and the contact details are there.
		await post(question, resident, link.id, { answer: 'yes' });
		const both = (await open(done, resident, link.id, '/done')) as { link: { status: string; other: { contact: unknown } } };
		expect(both.link.status).toBe('accepted');
		expect(both.link.other.contact).not.toBeNull();
	});

	it('no: first the optional reason, and only that page says no; bad input is a 400 that changes nothing', async () => {
		const { volunteer, link } = await proposed();
		const before = await row(link.id);
		// Neither yes nor no (a crafted post): refused with a message, nothing changes.
		expect(await post(question, volunteer, link.id, {})).toMatchObject({ status: 400 });
		expect(await post(question, volunteer, link.id, { answer: 'maybe' })).toMatchObject({ status: 400 });
		// "No" on the question page only leads on: a wrong tap is undone with the back link.
		expect(await post(question, volunteer, link.id, { answer: 'no' })).toMatchObject({ status: 303, location: `/help/links/${link.id}/decline` });
		expect(await row(link.id)).toEqual(before);
		const bad = (await post(decline, volunteer, link.id, { reason: 'x'.repeat(301) }, '/decline')) as {
			status: number;
			data: { errors: Record<string, string> };
		};
		expect(bad.status).toBe(400);
		expect(bad.data.errors.reason).toBeTruthy();
		expect(await post(decline, volunteer, link.id, { reason: 'bad\u0007' }, '/decline')).toMatchObject({ status: 400 });
		expect(await row(link.id)).toEqual(before);

		expect(await post(decline, volunteer, link.id, { reason: 'Away that week' }, '/decline')).toMatchObject({
			status: 303,
			location: `/help/links/${link.id}/done`
		});
		expect(await row(link.id)).toMatchObject({ status: 'declined', reason: 'Away that week' });
		expect(((await open(done, volunteer, link.id, '/done')) as { link: { status: string } }).link.status).toBe('declined');
		// A second no (a double tap) lands on the same confirmation; a yes after the no is a clear refusal, not a 500.
		expect(await post(decline, volunteer, link.id, {}, '/decline')).toMatchObject({ status: 303, location: `/help/links/${link.id}/done` });
		expect(await post(question, volunteer, link.id, { answer: 'yes' })).toMatchObject({ status: 409 });
		expect(await row(link.id)).toMatchObject({ status: 'declined', reason: 'Away that week' });
	});

	it('no without a reason is fine', async () => {
		const { resident, link } = await proposed();
		expect(await post(decline, resident, link.id, { reason: '' }, '/decline')).toMatchObject({ status: 303 });
		expect(await row(link.id)).toMatchObject({ status: 'declined', reason: null });
	});
});
