import { describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { apiCall } from '../factories/api.ts';
import { registerPerson } from '../../src/lib/server/people/index.ts';
import { peopleConsent, peoplePurpose } from '../../src/lib/server/people/schema.ts';
import { createPartner } from '../../src/lib/server/network/index.ts';
import { fieldworkQuestion, fieldworkReferral, fieldworkReferralEvent, REFERRAL_STATUSES } from '../../src/lib/server/fieldwork/schema.ts';
import { createQuestion, createReferral, referralCounts, referralPreview, updateReferral } from '../../src/lib/server/fieldwork/index.ts';
import { referralClass } from '../../src/lib/server/fieldwork/referral-status.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';

// Referrals through the verbs and /api/v1: consent for sharing with that one partner (or a recorded
// reason), the minimum shared, steps in order with an event each, scoped like every fieldwork record.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const [rabot, muide] = [await makeArea(db), await makeArea(db)];
const worker = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: rabot.id });
const muideWorker = await makeActor(db, 'outreach', { organisationId: org.id, areaId: muide.id });
const stranger = await makeActor(db, 'coordinator', { organisationId: otherOrg.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: rabot.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: rabot.id });
const w = ctxFor(db, worker.actor);
const s = ctxFor(db, stranger.actor);

const ocmw = await createPartner(w, { name: 'OCMW Gent', kind: 'welfare', organisationId: org.id, themes: ['income'] });
const school = await createPartner(w, { name: 'School', kind: 'school', organisationId: org.id, themes: ['education'] });
const theirs = await createPartner(s, { name: 'Their OCMW', kind: 'welfare', organisationId: otherOrg.id });

/** The organisation's purpose "sharing with this partner" (coordinators set it up in the consents settings). */
async function sharePurpose(partnerId: string) {
	const [p] = await db
		.insert(peoplePurpose)
		.values({
			organisationId: org.id,
			code: 'share_partner',
			partnerId,
			lawfulBasis: 'consent',
			categories: ['identity', 'contact'],
			retentionDays: 365
		})
		.returning();
	return p!;
}
const ocmwPurpose = await sharePurpose(ocmw.id);
await sharePurpose(school.id);
const consent = (personId: string, purposeId: string, given = true) =>
	db
		.insert(peopleConsent)
		.values({ personId, purposeId, version: 1, given, method: 'spoken', recordedByUserId: worker.user.id, recordedAt: new Date() });

const newPerson = (contactConsent: boolean) =>
	registerPerson(w, {
		firstName: 'Yasmina',
		lastName: 'Private',
		phone: '0470 12 34 56',
		organisationId: org.id,
		areaId: rabot.id,
		...(contactConsent ? { contactConsent: 'on' as const } : {})
	});

const referrals = async () => (await db.select({ n: count() }).from(fieldworkReferral))[0]!.n;
const eventsOf = async (id: string) =>
	(await db.select().from(fieldworkReferralEvent).where(eq(fieldworkReferralEvent.referralId, id)).orderBy(fieldworkReferralEvent.at)).map((e) => [
		e.fromStatus,
		e.toStatus,
		e.byUserId
	]);

describe('consent for sharing with the partner', () => {
	it('with consent: the referral is made, with exactly the first name, the question and the phone (contact consent)', async () => {
		const p = await newPerson(true);
		await consent(p.id, ocmwPurpose.id);
		const q = await createQuestion(w, { personId: p.id, title: 'Hulp bij de energiefactuur', theme: 'income' });
		const preview = await referralPreview(w, { personId: p.id, partnerId: ocmw.id, questionId: q.id });
		expect(preview).toMatchObject({ consent: 'given', consentAllows: true });
		expect(preview.shared).toEqual({ firstName: 'Yasmina', question: 'Hulp bij de energiefactuur', phone: '0470 12 34 56' });
		const r = await createReferral(w, { personId: p.id, partnerId: ocmw.id, questionId: q.id });
		const [row] = await db.select().from(fieldworkReferral).where(eq(fieldworkReferral.id, r.id));
		expect(row).toMatchObject({ status: 'referred', overrideReason: null, organisationId: org.id, areaId: rabot.id, shared: preview.shared });
		// The question moved to referred through its machine.
		expect((await db.select().from(fieldworkQuestion).where(eq(fieldworkQuestion.id, q.id)))[0]!.status).toBe('referred');
	});

	it('shares no phone or e-mail without the contact consent', async () => {
		const p = await newPerson(false);
		await consent(p.id, ocmwPurpose.id);
		const r = await createReferral(w, { personId: p.id, partnerId: ocmw.id });
		expect((await db.select().from(fieldworkReferral).where(eq(fieldworkReferral.id, r.id)))[0]!.shared).toEqual({ firstName: 'Yasmina' });
	});

	it('without consent and without a reason: 422 with the message, nothing written (not even the question’s step)', async () => {
		const p = await newPerson(true);
		const q = await createQuestion(w, { personId: p.id, title: 'Geen toestemming', theme: 'income' });
		const before = await referrals();
		const res = await apiCall(
			worker.actor,
			{ method: 'POST', path: '/referrals', body: { personId: p.id, partnerId: ocmw.id, questionId: q.id } },
			'en'
		);
		expect(res.status).toBe(422);
		expect(res.body.errors).toEqual({ overrideReason: 'No consent for sharing with this partner; record why you refer anyway.' });
		expect(await referrals()).toBe(before);
		expect((await db.select().from(fieldworkQuestion).where(eq(fieldworkQuestion.id, q.id)))[0]!.status).toBe('open');
	});

	it('a consent for another partner, or a withdrawn one, does not count', async () => {
		const p = await newPerson(true);
		const [schoolPurpose] = await db
			.select()
			.from(peoplePurpose)
			.where(and(eq(peoplePurpose.code, 'share_partner'), eq(peoplePurpose.partnerId, school.id)));
		await consent(p.id, schoolPurpose!.id);
		expect((await referralPreview(w, { personId: p.id, partnerId: ocmw.id })).consent).toBe('none');
		await consent(p.id, ocmwPurpose.id);
		await consent(p.id, ocmwPurpose.id, false);
		expect(await referralPreview(w, { personId: p.id, partnerId: ocmw.id })).toMatchObject({ consent: 'withdrawn', consentAllows: false });
	});

	it('with an override reason: stored with who, and in the audit row', async () => {
		const p = await newPerson(true);
		const res = await apiCall(worker.actor, {
			method: 'POST',
			path: '/referrals',
			body: { personId: p.id, partnerId: ocmw.id, overrideReason: 'Dakloos, acute nood; toestemming mondeling niet mogelijk' }
		});
		expect(res.status, res.text).toBe(201);
		const id = res.body.id as string;
		const [row] = await db.select().from(fieldworkReferral).where(eq(fieldworkReferral.id, id));
		expect(row).toMatchObject({ overrideReason: 'Dakloos, acute nood; toestemming mondeling niet mogelijk', overrideByUserId: worker.user.id });
		const [entry] = await db
			.select()
			.from(coreAudit)
			.where(and(eq(coreAudit.entityId, id), eq(coreAudit.entity, 'fieldwork_referral')));
		expect(entry).toMatchObject({ reason: 'Dakloos, acute nood; toestemming mondeling niet mogelijk', details: { consentOverride: true } });
	});
});

describe('reach', () => {
	it('a partner of another organisation is refused and nothing is written', async () => {
		const p = await newPerson(true);
		const before = await referrals();
		const res = await apiCall(
			worker.actor,
			{ method: 'POST', path: '/referrals', body: { personId: p.id, partnerId: theirs.id, overrideReason: 'x' } },
			'nl'
		);
		expect(res.status).toBe(422);
		expect(res.body.errors).toEqual({ partnerId: 'Kies een partner van de eigen organisatie.' });
		expect(await referrals()).toBe(before);
	});

	it('another neighbourhood’s or organisation’s worker: 404 for the person and for the referral; residents and volunteers 403', async () => {
		const p = await newPerson(true);
		await consent(p.id, ocmwPurpose.id);
		const r = await createReferral(w, { personId: p.id, partnerId: ocmw.id });
		const before = await referrals();
		for (const a of [muideWorker, stranger]) {
			expect((await apiCall(a.actor, { method: 'POST', path: '/referrals', body: { personId: p.id, partnerId: ocmw.id } })).status).toBe(404);
			expect((await apiCall(a.actor, { method: 'PATCH', path: `/referrals/${r.id}`, body: { status: 'accepted' } })).status).toBe(404);
		}
		for (const a of [resident, volunteer]) {
			expect((await apiCall(a.actor, { method: 'POST', path: '/referrals', body: { personId: p.id, partnerId: ocmw.id } })).status).toBe(403);
			expect((await apiCall(a.actor, { method: 'PATCH', path: `/referrals/${r.id}`, body: { status: 'accepted' } })).status).toBe(403);
		}
		expect(await referrals()).toBe(before);
		expect((await db.select().from(fieldworkReferral).where(eq(fieldworkReferral.id, r.id)))[0]!.status).toBe('referred');
	});
});

describe('the steps of a referral', () => {
	it('refuses a skipped step (referred → arrived) with a 422 and changes nothing', async () => {
		const p = await newPerson(true);
		await consent(p.id, ocmwPurpose.id);
		const r = await createReferral(w, { personId: p.id, partnerId: ocmw.id });
		const res = await apiCall(worker.actor, { method: 'PATCH', path: `/referrals/${r.id}`, body: { status: 'arrived' } }, 'en');
		expect(res.status).toBe(422);
		expect(Object.keys(res.body.errors as object)).toEqual(['status']);
		expect((await db.select().from(fieldworkReferral).where(eq(fieldworkReferral.id, r.id)))[0]!.status).toBe('referred');
		expect(await eventsOf(r.id)).toHaveLength(1);
	});

	it('goes referred → accepted → arrived → not helped with a reason, an event for each, closed at the end; counts follow', async () => {
		const p = await newPerson(true);
		await consent(p.id, ocmwPurpose.id);
		const r = await createReferral(w, { personId: p.id, partnerId: ocmw.id });
		await updateReferral(w, { id: r.id, status: 'accepted' });
		await updateReferral(w, { id: r.id, status: 'arrived' });
		await expect(updateReferral(w, { id: r.id, status: 'not_helped', reason: 'other' })).rejects.toMatchObject({
			fields: { reasonText: 'fw_referral_error_reason_text' }
		});
		await updateReferral(w, { id: r.id, status: 'not_helped', reason: 'other', reasonText: 'Verhuisd' });
		const [row] = await db.select().from(fieldworkReferral).where(eq(fieldworkReferral.id, r.id));
		expect(row).toMatchObject({ status: 'not_helped', reason: 'other', reasonText: 'Verhuisd', statusClass: 'closed' });
		expect(row!.closedAt).not.toBeNull();
		expect(await eventsOf(r.id)).toEqual([
			[null, 'referred', worker.user.id],
			['referred', 'accepted', worker.user.id],
			['accepted', 'arrived', worker.user.id],
			['arrived', 'not_helped', worker.user.id]
		]);
		const counts = await referralCounts(w);
		expect(counts.referred).toBe(await referrals());
		expect(counts).toMatchObject({ notHelped: 1, helped: 0 });
		expect(counts.arrived).toBe(1);
		expect(counts.accepted).toBe(1);
	});

	it('refuses referring from a question that cannot move to referred', async () => {
		const p = await newPerson(true);
		await consent(p.id, ocmwPurpose.id);
		const q = await createQuestion(w, { personId: p.id, title: 'Al beantwoord', theme: 'income' });
		await db.update(fieldworkQuestion).set({ status: 'answered' }).where(eq(fieldworkQuestion.id, q.id));
		const before = await referrals();
		await expect(createReferral(w, { personId: p.id, partnerId: ocmw.id, questionId: q.id })).rejects.toMatchObject({
			fields: { questionId: 'fw_referral_error_question_status' }
		});
		expect(await referrals()).toBe(before);
	});
});

describe('the generated status class', () => {
	it('agrees with the pure function for every status', async () => {
		const p = await newPerson(true);
		await consent(p.id, ocmwPurpose.id);
		const r = await createReferral(w, { personId: p.id, partnerId: ocmw.id });
		for (const status of REFERRAL_STATUSES) {
			const reason = status === 'not_helped' ? 'did_not_go' : null;
			await db.execute(sql`update fieldwork_referral set status = ${status}, reason = ${reason} where id = ${r.id}`);
			const [row] = await db.select({ c: fieldworkReferral.statusClass }).from(fieldworkReferral).where(eq(fieldworkReferral.id, r.id));
			expect([status, row!.c]).toEqual([status, referralClass(status)]);
		}
	});
});
