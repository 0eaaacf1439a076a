import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { formPost } from '../factories/page.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import {
	createNeed,
	createNeedInput,
	createOffer,
	createOfferInput,
	completeLink,
	endLink,
	nudgeLink,
	proposeLink,
	respondToLink,
	waitingSides
} from '../../src/lib/server/aid/index.ts';
import { nudgeMail } from '../../src/lib/server/aid/nudge-mail.ts';
import { registerPerson, registerPersonInput } from '../../src/lib/server/people/index.ts';
import { anonymous } from '../../src/lib/server/core/context.ts';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../../src/lib/server/core/errors.ts';
import { aidLink } from '../../src/lib/server/aid/schema.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { mailOutbox } from '../../src/lib/server/mail/schema.ts';
import { authUser } from '../../src/lib/server/auth/schema.ts';
import { peoplePerson } from '../../src/lib/server/people/schema.ts';
import { m } from '../../src/lib/paraglide/messages.js';
import { mailOrigin } from '../../src/lib/server/auth/index.ts';

// Nudging a stalled link: a reminder mail to each side the link waits for, in that person's own
// language, without the other side's contact details; a call-or-visit notice for a side without an
// account; once a day.

const { db } = await freshAppDatabase();

const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const area = await makeArea(db, 'Rabot');
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const stranger = await makeActor(db, 'facilitator', { organisationId: otherOrg.id });
const f = ctxFor(db, facilitator.actor);

/** A resident or volunteer with an account in `locale`, a last name and a phone that must never leak early. */
async function member(role: 'resident' | 'volunteer', firstName: string, locale: string | null, phone: string) {
	const a = await makeActor(db, role, { organisationId: org.id, areaId: area.id });
	await db.update(authUser).set({ locale }).where(eq(authUser.id, a.user.id));
	await db
		.update(peoplePerson)
		.set({ firstName, lastName: `${firstName}sdottir`, phone })
		.where(eq(peoplePerson.id, a.person.id));
	return a;
}

const TUESDAY = [{ day: 1, start: 540, end: 720 }];
const ADDRESS = 'Wondelgemstraat 12, derde verdieping';
const POINT = { lat: 51.0635, lon: 3.712 };
const needFor = (personId: string, ctx = f) =>
	createNeed(
		ctx,
		createNeedInput.parse({
			personId,
			category: 'errands',
			title: 'Shopping on Tuesday',
			description: ADDRESS,
			point: POINT,
			areaId: area.id,
			windows: TUESDAY
		})
	);
const offerOf = (a: { actor: Parameters<typeof ctxFor>[1]; person: { id: string } }) =>
	createOffer(
		ctxFor(db, a.actor),
		createOfferInput.parse({
			personId: a.person.id,
			category: 'errands',
			title: 'I do errands',
			areaId: area.id,
			point: POINT,
			windows: TUESDAY,
			capacity: 3
		})
	);
const walkIn = (firstName: string) =>
	registerPerson(
		f,
		registerPersonInput.parse({ firstName, phone: '+32 470 11 22 33', organisationId: org.id, areaId: area.id, contactConsent: 'on' })
	);

const mails = () => db.select().from(mailOutbox);
const total = async (t: typeof mailOutbox | typeof coreAudit) => ((await db.select({ n: count() }).from(t)) as [{ n: number }])[0].n;
const linkRow = async (id: string) => (await db.select().from(aidLink).where(eq(aidLink.id, id)))[0]!;
/** The nudge of yesterday, so that today's may go out. */
const yesterday = (id: string) =>
	db
		.update(aidLink)
		.set({ nudgedAt: new Date(Date.now() - 36 * 3_600_000) })
		.where(eq(aidLink.id, id));
const snapshot = async (linkId: string) => ({ mails: await total(mailOutbox), audit: await total(coreAudit), link: await linkRow(linkId) });

const ayse = await member('resident', 'Ayşe', 'tr', '+32 470 55 66 77');
const camille = await member('volunteer', 'Camille', 'fr', '+32 470 88 99 00');
const proposedNeed = await needFor(ayse.person.id, ctxFor(db, ayse.actor));
const proposedOffer = await offerOf(camille);
const proposed = await proposeLink(f, { needId: proposedNeed.id, offerId: proposedOffer.id });

describe('nudging a proposed link', () => {
	it('mails both sides that have not said yes, each in their own language, with a link to the question on the configured origin', async () => {
		const before = (await mails()).map((x) => x.id);
		// The link comes from ORIGIN, never from the request (a Host header is the client's to choose).
		process.env.ORIGIN = 'https://wijkweb.example';
		const nudge = await nudgeLink(f, { linkId: proposed.id }).finally(() => delete process.env.ORIGIN);
		expect(nudge.sides).toEqual([
			{ side: 'need', firstName: 'Ayşe', mailed: true },
			{ side: 'offer', firstName: 'Camille', mailed: true }
		]);
		expect(nudge.link.nudgedAt).not.toBeNull();
		const sent = (await mails()).filter((x) => !before.includes(x.id));
		expect(sent.map((x) => x.to).sort()).toEqual([ayse.email, camille.email].sort());

		// Straight to the question "do you want …?" of this link (issue 12), not to the list on /help.
		const question = `https://wijkweb.example/help/links/${proposed.id}`;
		const toAyse = sent.find((x) => x.to === ayse.email)!;
		expect(toAyse.subject).toBe(m.nudge_mail_answer_subject({}, { locale: 'tr' }));
		expect(toAyse.text).toBe(
			m.nudge_mail_answer_need_text(
				{ name: 'Ayşe', other: 'Camille', area: 'Rabot', category: m.aid_cat_errands({}, { locale: 'tr' }), link: question },
				{ locale: 'tr' }
			)
		);
		const toCamille = sent.find((x) => x.to === camille.email)!;
		expect(toCamille.subject).toBe(m.nudge_mail_answer_subject({}, { locale: 'fr' }));
		expect(toCamille.text).toContain('Ayşe');
		expect(toCamille.text).toContain('Rabot');
		expect(toCamille.text).toContain(m.aid_cat_errands({}, { locale: 'fr' }));
		expect(toCamille.text).toContain(question);
		expect(toCamille.text).toBe(
			m.nudge_mail_answer_offer_text(
				{ name: 'Camille', other: 'Ayşe', area: 'Rabot', category: m.aid_cat_errands({}, { locale: 'fr' }), link: question },
				{ locale: 'fr' }
			)
		);

		// Before both said yes: no phone, e-mail, last name, address or point of the other side.
		for (const [mail, other] of [
			[toAyse, camille],
			[toCamille, ayse]
		] as const) {
			const leaks = [
				other.email,
				'+32 470',
				`${other.person.firstName}sdottir`,
				'sdottir',
				ADDRESS,
				'Wondelgem',
				String(POINT.lat),
				String(POINT.lon)
			];
			for (const leak of leaks) expect(`${mail.subject}\n${mail.text}`).not.toContain(leak);
		}
		// No SMTP here: the mails stay in the outbox for the dev mailbox, already handed over.
		expect(sent.every((x) => x.status === 'kept')).toBe(true);
		const audits = await db.select().from(coreAudit).where(eq(coreAudit.entityId, proposed.id));
		expect(audits.map((a) => a.details)).toContainEqual({ nudged: true, mailed: ['need', 'offer'], unreachable: [] });
	});

	it('changes nothing when nudged a second time the same day, and says so', async () => {
		const before = await snapshot(proposed.id);
		const e = await nudgeLink(f, { linkId: proposed.id }).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(ConflictError);
		expect((e as ConflictError).key).toBe('nudge_error_today');
		expect(await snapshot(proposed.id)).toEqual(before);
	});

	it('the next day mails only the side that still has to answer', async () => {
		await respondToLink(ctxFor(db, camille.actor), { linkId: proposed.id, answer: 'accept' });
		await yesterday(proposed.id);
		const before = (await mails()).map((x) => x.id);
		const nudge = await nudgeLink(f, { linkId: proposed.id });
		expect(nudge.sides).toEqual([{ side: 'need', firstName: 'Ayşe', mailed: true }]);
		const sent = (await mails()).filter((x) => !before.includes(x.id));
		expect(sent.map((x) => x.to)).toEqual([ayse.email]);
		expect(sent[0]!.text).not.toContain('+32 470 88 99 00');
	});
});

const georgi = await walkIn('Georgi');
const dana = await member('volunteer', 'Dana', null, '+32 470 12 12 12');
const acceptedNeed = await needFor(georgi.id);
const acceptedOffer = await offerOf(dana);
// Georgi has no account: the facilitator said yes for him at the proposal.
const accepted = await proposeLink(f, { needId: acceptedNeed.id, offerId: acceptedOffer.id });
await respondToLink(ctxFor(db, dana.actor), { linkId: accepted.id, answer: 'accept' });

describe('nudging an accepted link', () => {
	it('asks both sides whether the help took place; a side without an account is to be called or visited', async () => {
		const before = (await mails()).map((x) => x.id);
		const nudge = await nudgeLink(f, { linkId: accepted.id });
		expect(nudge.sides).toEqual([
			{ side: 'need', firstName: 'Georgi', mailed: false },
			{ side: 'offer', firstName: 'Dana', mailed: true }
		]);
		const sent = (await mails()).filter((x) => !before.includes(x.id));
		// Nothing for Georgi (no account); Dana's account has no language: the base language, Dutch.
		expect(sent.map((x) => x.to)).toEqual([dana.email]);
		expect(sent[0]!.subject).toBe(m.nudge_mail_happened_subject({}, { locale: 'nl' }));
		expect(sent[0]!.text).toBe(
			m.nudge_mail_happened_text(
				{ name: 'Dana', other: 'Georgi', area: 'Rabot', category: m.aid_cat_errands({}, { locale: 'nl' }), link: `${mailOrigin()}/help` },
				{ locale: 'nl' }
			)
		);
		const audits = await db.select().from(coreAudit).where(eq(coreAudit.entityId, accepted.id));
		expect(audits.map((a) => a.details)).toContainEqual({ nudged: true, mailed: ['offer'], unreachable: ['need'] });
	});

	it('after the help took place, records the nudge and mails nobody; an ended link is refused', async () => {
		await completeLink(f, { linkId: accepted.id });
		await yesterday(accepted.id);
		const mailsBefore = await total(mailOutbox);
		const nudge = await nudgeLink(f, { linkId: accepted.id });
		expect(nudge.sides).toEqual([]);
		expect(await total(mailOutbox)).toBe(mailsBefore);

		await endLink(f, { linkId: accepted.id, to: 'closed' });
		await yesterday(accepted.id);
		const before = await snapshot(accepted.id);
		await expect(nudgeLink(f, { linkId: accepted.id })).rejects.toBeInstanceOf(ConflictError);
		expect(await snapshot(accepted.id)).toEqual(before);
	});
});

const resident = await member('resident', 'Rik', 'nl', '+32 470 34 34 34');
const volunteer = await member('volunteer', 'Vera', 'en', '+32 470 56 56 56');
const refusableNeed = await needFor(resident.person.id, ctxFor(db, resident.actor));
const refusableOffer = await offerOf(volunteer);
const refusable = await proposeLink(f, { needId: refusableNeed.id, offerId: refusableOffer.id });

describe('refusals queue nothing', () => {
	it('refuses a party of the link, a facilitator of another organisation and nobody', async () => {
		const before = await snapshot(refusable.id);
		await expect(nudgeLink(ctxFor(db, resident.actor), { linkId: refusable.id })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(nudgeLink(ctxFor(db, volunteer.actor), { linkId: refusable.id })).rejects.toBeInstanceOf(ForbiddenError);
		// Brokered elsewhere: the same answer as an unknown link.
		await expect(nudgeLink(ctxFor(db, stranger.actor), { linkId: refusable.id })).rejects.toBeInstanceOf(NotFoundError);
		await expect(nudgeLink(ctxFor(db, anonymous), { linkId: refusable.id })).rejects.toBeInstanceOf(UnauthenticatedError);
		expect(await snapshot(refusable.id)).toEqual(before);
	});

	describe('through the links page', () => {
		const post = (who: { actor: unknown }, fields: Array<[string, string]>) => formPost('/aid/links?/nudge', who, fields);
		const nudge = async () => (await import('../../src/routes/(work)/aid/links/+page.server.ts')).actions.nudge!;
		type Reply = { status?: number; data?: { form?: string; message?: string; errors?: Record<string, string> }; done?: string; nudged?: unknown };

		it('refuses the wrong role with 403 and a bad link id with a field message, queueing nothing', async () => {
			const before = await snapshot(refusable.id);
			const refused = (await (await nudge())(post(volunteer, [['linkId', refusable.id]]))) as Reply;
			expect(refused.status).toBe(403);
			expect(refused.data?.form).toBe('nudge');
			const bad = (await (await nudge())(post(facilitator, [['linkId', 'not-a-link']]))) as Reply;
			expect(bad.status).toBe(400);
			expect(bad.data?.errors?.linkId).toBeTruthy();
			expect(await snapshot(refusable.id)).toEqual(before);
		});

		it('says who got a mail, and then that a second nudge today changes nothing', async () => {
			const ok = (await (await nudge())(post(facilitator, [['linkId', refusable.id]]))) as Reply;
			expect(ok.done).toBe('nudge');
			expect(ok.nudged).toEqual([
				{ side: 'need', firstName: 'Rik', mailed: true },
				{ side: 'offer', firstName: 'Vera', mailed: true }
			]);
			const sent = (await mails()).filter((x) => x.to === resident.email);
			expect(sent).toHaveLength(1);
			expect(sent[0]!.text).toContain(`${mailOrigin()}/help`);
			expect(sent[0]!.subject).toBe(m.nudge_mail_answer_subject({}, { locale: 'nl' }));

			const before = await snapshot(refusable.id);
			const again = (await (await nudge())(post(facilitator, [['linkId', refusable.id]]))) as Reply;
			expect(again.status).toBe(409);
			expect(again.data?.message).toBe(m.nudge_error_today({}, { locale: 'en' }));
			expect(await snapshot(refusable.id)).toEqual(before);
		});
	});
});

// A walk-in without an account (the facilitator said yes for her), on an accepted link that has gone
// quiet for three weeks.
const olga = await walkIn('Olga');
const olgaNeed = await needFor(olga.id);
const piet = await member('volunteer', 'Piet', 'nl', '+32 470 21 21 21');
const quiet = await proposeLink(f, { needId: olgaNeed.id, offerId: (await offerOf(piet)).id });
await respondToLink(ctxFor(db, piet.actor), { linkId: quiet.id, answer: 'accept' });
const threeWeeksAgo = new Date(Date.now() - 21 * 86_400_000);
await db.update(aidLink).set({ changedAt: threeWeeksAgo }).where(eq(aidLink.id, quiet.id));

describe('a reminder for a side without an account, on the links page', () => {
	const nudge = async () => (await import('../../src/routes/(work)/aid/links/+page.server.ts')).actions.nudge!;
	const load = async () => (await import('../../src/routes/(work)/aid/links/+page.server.ts')).load;
	type Side = { side: string; firstName: string; mailed: boolean; contact?: { phone: string | null; email: string | null } | null };

	it('says how to reach them (their phone, read through the audited read) and keeps the link listed as reminded today', async () => {
		const stalledBefore = (await (await load())(formPost('/aid/links?stalled=1', facilitator, {}))) as { links: { id: string }[] };
		expect(stalledBefore.links.map((l) => l.id)).toContain(quiet.id);

		const reply = (await (await nudge())(formPost('/aid/links?stalled=1&/nudge', facilitator, [['linkId', quiet.id]]))) as { nudged: Side[] };
		const need = reply.nudged.find((x) => x.side === 'need')!;
		expect(need).toEqual({ side: 'need', firstName: 'Olga', mailed: false, contact: { phone: '+32 470 11 22 33', email: null } });
		// The volunteer has an account: mailed, and no contact details are read for them.
		expect(reply.nudged.find((x) => x.side === 'offer')).toEqual({ side: 'offer', firstName: 'Piet', mailed: true });
		const reads = await db.select().from(coreAudit).where(eq(coreAudit.entityId, olga.id));
		expect(reads.filter((a) => a.action === 'read')).toHaveLength(1);

		const stalledAfter = (await (
			await load()
		)(formPost('/aid/links?stalled=1', facilitator, {}))) as {
			links: { id: string; nudgedAt: Date | null }[];
		};
		const listed = stalledAfter.links.find((l) => l.id === quiet.id);
		expect(listed, 'still on the stalled list after the reminder').toBeTruthy();
		expect(listed!.nudgedAt).not.toBeNull();
	});

	it('leaves a link reminded yesterday (and changed since) off the stalled list', async () => {
		await yesterday(quiet.id);
		await db
			.update(aidLink)
			.set({ changedAt: new Date(Date.now() - 36 * 3_600_000) })
			.where(eq(aidLink.id, quiet.id));
		const stalled = (await (await load())(formPost('/aid/links?stalled=1', facilitator, {}))) as { links: { id: string }[] };
		expect(stalled.links.map((l) => l.id)).not.toContain(quiet.id);
	});

	it('shows no contact details of a person the facilitator may not read, and reads nothing', async () => {
		const elsewhere = await makeArea(db, 'Sluizeken');
		const [far] = await db
			.insert(peoplePerson)
			.values({ firstName: 'Wim', phone: '+32 470 44 44 44', organisationId: org.id, areaId: elsewhere.id })
			.returning();
		const farNeed = await needFor(far!.id);
		const l = await proposeLink(f, { needId: farNeed.id, offerId: (await offerOf(piet)).id });
		await respondToLink(ctxFor(db, piet.actor), { linkId: l.id, answer: 'accept' });
		const reply = (await (await nudge())(formPost('/aid/links?/nudge', facilitator, [['linkId', l.id]]))) as { nudged: Side[] };
		expect(reply.nudged.find((x) => x.side === 'need')).toEqual({ side: 'need', firstName: 'Wim', mailed: false, contact: null });
		const reads = await db.select().from(coreAudit).where(eq(coreAudit.entityId, far!.id));
		expect(reads.filter((a) => a.action === 'read')).toEqual([]);
	});
});

describe('pure parts', () => {
	it('waits for the sides without a yes while proposed, for both once accepted, for nobody after', () => {
		const at = new Date();
		expect(waitingSides({ status: 'proposed', needAcceptedAt: null, offerAcceptedAt: null })).toEqual(['need', 'offer']);
		expect(waitingSides({ status: 'proposed', needAcceptedAt: at, offerAcceptedAt: null })).toEqual(['offer']);
		expect(waitingSides({ status: 'accepted', needAcceptedAt: at, offerAcceptedAt: at })).toEqual(['need', 'offer']);
		for (const status of ['took_place', 'closed', 'declined', 'cancelled'] as const)
			expect(waitingSides({ status, needAcceptedAt: at, offerAcceptedAt: at })).toEqual([]);
	});

	it('writes the mail in each of the six languages, naming the other side only by first name and neighbourhood', () => {
		for (const locale of ['nl', 'fr', 'en', 'bg', 'tr', 'ar']) {
			for (const kind of ['answer_need', 'answer_offer', 'happened'] as const) {
				const mail = nudgeMail({
					kind,
					to: 'a@example.test',
					locale,
					name: 'Ana',
					other: { firstName: 'Bo', areaName: 'Rabot' },
					category: 'meals',
					link: 'http://x/help'
				});
				expect(mail.to).toBe('a@example.test');
				expect(mail.subject.length).toBeGreaterThan(5);
				for (const part of ['Ana', 'Bo', 'Rabot', 'http://x/help', m.aid_cat_meals({}, { locale: locale as 'nl' })])
					expect(mail.text, `${locale} ${kind}`).toContain(part);
			}
		}
		// An unknown or missing language falls back to Dutch.
		const fallback = nudgeMail({
			kind: 'happened',
			to: 'a@example.test',
			locale: 'xx',
			name: 'Ana',
			other: { firstName: 'Bo', areaName: 'Rabot' },
			category: 'meals',
			link: 'l'
		});
		expect(fallback.subject).toBe(m.nudge_mail_happened_subject({}, { locale: 'nl' }));
	});
});
