import { describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeOrganisation } from '../factories/index.ts';
import { mailOutbox } from '../../src/lib/server/mail/schema.ts';
import {
	fundingApplication,
	fundingApplicationEvent,
	fundingBudgetVersion,
	fundingProject,
	fundingApplicationVersion,
	fundingEditor,
	fundingReview,
	fundingScore
} from '../../src/lib/server/funding/schema.ts';
import {
	askInformation,
	assignJuror,
	checkEligibility,
	createCall,
	createProgramme,
	decideApplication,
	declareConflict,
	getJuryApplication,
	getReviewApplication,
	getReviewBoard,
	listJuryApplications,
	listJuryCalls,
	reopenReview,
	scoreApplication,
	startReview,
	unassignJuror
} from '../../src/lib/server/funding/index.ts';
import type { ApplicationBody, ApplicationStatus } from '../../src/lib/funding/types.ts';

// The review on a real PostgreSQL: every refused status step, the jury's isolation (other calls,
// conflicts, their own applications), scores held to the call's criteria and scale, only the officer
// reopening a final review, the decision told to the applicant in their language.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const officer = await makeActor(db, 'officer', { organisationId: org.id });
const stranger = await makeActor(db, 'officer', { organisationId: otherOrg.id });
const juror1 = await makeActor(db, 'jury', { organisationId: org.id });
const juror2 = await makeActor(db, 'jury', { organisationId: org.id });
const offCall = await makeActor(db, 'jury', { organisationId: org.id });
const foreignJuror = await makeActor(db, 'jury', { organisationId: otherOrg.id });
const applicant = await makeActor(db, 'resident', { organisationId: otherOrg.id });
const o = ctxFor(db, officer.actor);
const j1 = ctxFor(db, juror1.actor);
const j2 = ctxFor(db, juror2.actor);

const refused = async (p: Promise<unknown>) => {
	try {
		await p;
	} catch (e) {
		return e as { status: number; key: string; fields?: Record<string, string> };
	}
	throw new Error('not refused');
};

const { id: programmeId } = await createProgramme(o, { organisationId: org.id, name: 'Wijkcontracten' });
const { id: callId } = await createCall(o, { programmeId, template: 'improvement_contract', locale: 'nl' });
const { id: otherCallId } = await createCall(o, { programmeId, template: 'participatory', locale: 'nl' });
const CRITERIA = ['relevance', 'approach', 'participation', 'partnership', 'anchoring'];

const body = (title: string): ApplicationBody => ({
	title,
	summary: 'Een groene speelstraat',
	sections: { context: 'Onze wijk heeft weinig groen.' },
	budget: [{ id: 'l1', year: 1, category: 'operations', description: 'Planten', amountCents: 1_000_000 }],
	ownContributionCents: 250_000,
	startFundCents: 0,
	partners: [],
	targetGroups: [],
	indicators: [],
	risks: []
});

/** A submitted application as the applicant's submit leaves it: status, frozen version 1. */
async function submitted(title: string, opts: { locale?: string; owner?: string; call?: string; status?: ApplicationStatus } = {}) {
	const cid = opts.call ?? callId;
	const [app] = await db
		.insert(fundingApplication)
		.values({
			callId: cid,
			organisationId: org.id,
			applicantKind: 'association',
			applicantName: `vzw ${title}`,
			ownerUserId: opts.owner ?? applicant.user.id,
			locale: opts.locale ?? 'nl',
			status: opts.status ?? 'submitted',
			body: body(title),
			requestedCents: 750_000,
			submittedAt: new Date()
		})
		.returning();
	await db
		.insert(fundingApplicationVersion)
		.values({ applicationId: app!.id, version: 1, body: body(title), rules: {} as never, submittedByUserId: app!.ownerUserId });
	return app!.id;
}
const statusOf = async (id: string) =>
	(await db.select({ s: fundingApplication.status }).from(fundingApplication).where(eq(fundingApplication.id, id)))[0]!.s;
const events = async (id: string) =>
	(await db.select({ n: count() }).from(fundingApplicationEvent).where(eq(fundingApplicationEvent.applicationId, id)))[0]!.n;
const scores = (score: number, comment = '') => CRITERIA.map((criterion) => ({ criterion, score, comment }));
const myScores = async (id: string, userId: string) =>
	db
		.select()
		.from(fundingScore)
		.where(and(eq(fundingScore.applicationId, id), eq(fundingScore.userId, userId)));

async function inReview(title: string, locale = 'nl') {
	const id = await submitted(title, { locale });
	await checkEligibility(o, { id, eligible: true });
	await startReview(o, { id });
	return id;
}

await assignJuror(o, { callId, userId: juror1.user.id });
await assignJuror(o, { callId, userId: juror2.user.id });

describe('status steps', () => {
	it('go submitted → eligible → in review, each logged with who and why', async () => {
		const id = await submitted('Speelstraat');
		await checkEligibility(o, { id, eligible: true, reason: 'Alles in orde' });
		await startReview(o, { id });
		expect(await statusOf(id)).toBe('in_review');
		const view = await getReviewApplication(o, { id });
		expect(view.history.map((h) => [h.from, h.to, h.reason])).toEqual([
			['submitted', 'eligible', 'Alles in orde'],
			['eligible', 'in_review', null]
		]);
		expect(view.history[0]!.actorName).toBe(officer.actor.name);
		expect(view.nextSteps).toEqual(['awaiting_information', 'granted', 'rejected']);
	});

	it('refuses every step the machine does not allow (409) and changes nothing', async () => {
		const sub = await submitted('Refused');
		// From submitted: no review, no question, no decision.
		for (const p of [
			() => startReview(o, { id: sub }),
			() => askInformation(o, { id: sub, question: 'Waarom?' }),
			() => decideApplication(o, { id: sub, decision: 'rejected', reason: 'Nee' }),
			() => decideApplication(o, { id: sub, decision: 'granted', grantedCents: 100 })
		]) {
			const e = await refused(p());
			expect([e.status, e.key]).toEqual([409, 'fund_review_error_step']);
		}
		expect(await statusOf(sub)).toBe('submitted');
		expect(await events(sub)).toBe(0);
		// Ineligible is final: no second verdict, no review.
		await checkEligibility(o, { id: sub, eligible: false, reason: 'Te laat' });
		for (const p of [() => checkEligibility(o, { id: sub, eligible: true }), () => startReview(o, { id: sub })])
			expect((await refused(p())).key).toBe('fund_review_error_step');
		expect(await statusOf(sub)).toBe('ineligible');
		// Eligible: no second eligibility, no decision before the review.
		const el = await submitted('Eligible');
		await checkEligibility(o, { id: el, eligible: true });
		for (const p of [
			() => checkEligibility(o, { id: el, eligible: false, reason: 'x' }),
			() => decideApplication(o, { id: el, decision: 'rejected', reason: 'x' })
		])
			expect((await refused(p())).key).toBe('fund_review_error_step');
		// A decided application takes no further step.
		const done = await inReview('Decided');
		await decideApplication(o, { id: done, decision: 'rejected', reason: 'Buiten het doel' });
		for (const p of [
			() => decideApplication(o, { id: done, decision: 'granted', grantedCents: 100 }),
			() => startReview(o, { id: done }),
			() => askInformation(o, { id: done, question: 'Nog iets?' })
		])
			expect((await refused(p())).key).toBe('fund_review_error_step');
		expect(await statusOf(done)).toBe('rejected');
		// Awaiting information: the applicant answers (their submit), not a decision by the officer.
		const waiting = await inReview('Waiting');
		await askInformation(o, { id: waiting, question: 'Welke partners?' });
		expect((await refused(decideApplication(o, { id: waiting, decision: 'rejected', reason: 'x' }))).key).toBe('fund_review_error_step');
		expect((await refused(startReview(o, { id: waiting }))).key).toBe('fund_review_error_step');
	});

	it('ties completeness to the verdict: ineligible and rejected need a reason, granted an amount', async () => {
		const id = await submitted('Reasons');
		expect((await refused(checkEligibility(o, { id, eligible: false, reason: ' ' }))).fields).toEqual({ reason: 'fund_review_error_reason' });
		await checkEligibility(o, { id, eligible: true });
		await startReview(o, { id });
		expect((await refused(decideApplication(o, { id, decision: 'rejected' }))).fields).toEqual({ reason: 'fund_review_error_reason' });
		expect((await refused(decideApplication(o, { id, decision: 'granted' }))).fields).toEqual({ grantedCents: 'fund_decision_error_amount' });
		expect((await refused(decideApplication(o, { id, decision: 'granted', grantedCents: 0 }))).fields).toEqual({
			grantedCents: 'fund_decision_error_amount'
		});
		expect(await statusOf(id)).toBe('in_review');
	});

	it('asking for information reopens the application and mails the question in its language', async () => {
		const id = await inReview('Vraag', 'fr');
		await askInformation(o, { id, question: 'Quels partenaires ?' });
		const [row] = await db.select().from(fundingApplication).where(eq(fundingApplication.id, id));
		expect(row!.status).toBe('awaiting_information');
		expect(row!.reopenedAt).not.toBeNull();
		const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.to, applicant.email));
		const mail = mails.find((m) => m.text.includes('Quels partenaires ?'))!;
		expect(mail.subject).toContain('Une question sur votre demande');
		expect(mail.text).toContain(`/apply/${id}`);
	});

	it('an officer of another organisation gets 404 for every step and read; a juror 403', async () => {
		const id = await submitted('Foreign');
		const s = ctxFor(db, stranger.actor);
		for (const p of [
			() => checkEligibility(s, { id, eligible: true }),
			() => startReview(s, { id }),
			() => decideApplication(s, { id, decision: 'rejected', reason: 'x' }),
			() => getReviewApplication(s, { id }),
			() => getReviewBoard(s, { callId }),
			() => assignJuror(s, { callId, userId: juror1.user.id })
		])
			expect((await refused(p())).status).toBe(404);
		expect((await refused(checkEligibility(j1, { id, eligible: true }))).status).toBe(403);
		expect((await refused(getReviewBoard(j1, { callId }))).status).toBe(403);
		expect(await statusOf(id)).toBe('submitted');
	});
});

describe('the jury', () => {
	it('is made only of jury-role holders of the call’s organisation', async () => {
		expect((await refused(assignJuror(o, { callId, userId: foreignJuror.user.id }))).fields).toEqual({ userId: 'fund_review_error_not_jury' });
		expect((await refused(assignJuror(o, { callId, userId: officer.user.id }))).fields).toEqual({ userId: 'fund_review_error_not_jury' });
		const board = await getReviewBoard(o, { callId });
		expect(board.jurors.map((j) => j.userId).sort()).toEqual([juror1.user.id, juror2.user.id].sort());
		expect(board.candidates.map((c) => c.userId)).toEqual([offCall.user.id]);
		expect((await listJuryCalls(j1)).map((c) => c.id)).toEqual([callId]);
		expect(await listJuryCalls(ctxFor(db, offCall.actor))).toEqual([]);
	});

	it('a juror not on the call gets 404 for the call and its applications', async () => {
		const id = await inReview('Not yours');
		const off = ctxFor(db, offCall.actor);
		for (const p of [
			() => listJuryApplications(off, { callId }),
			() => getJuryApplication(off, { id }),
			() => scoreApplication(off, { applicationId: id, scores: scores(5) }),
			() => declareConflict(off, { applicationId: id, reason: 'x' }),
			() => listJuryApplications(j1, { callId: otherCallId })
		])
			expect((await refused(p())).status).toBe(404);
	});

	it('sees eligible and later applications only, and no contact data of the applicant', async () => {
		const hidden = await submitted('Not yet eligible');
		const id = await inReview('Visible');
		const list = await listJuryApplications(j1, { callId });
		expect(list.items.map((i) => i.id)).toContain(id);
		expect(list.items.map((i) => i.id)).not.toContain(hidden);
		expect((await refused(getJuryApplication(j1, { id: hidden }))).status).toBe(404);
		const view = await getJuryApplication(j1, { id });
		expect(view.body.title).toBe('Visible');
		expect(view.rules.criteria.map((c) => c.key)).toEqual(CRITERIA);
		const text = JSON.stringify(view) + JSON.stringify(list);
		expect(text).not.toContain(applicant.email);
		expect(text).not.toContain(applicant.user.id);
		expect(text).not.toMatch(/@example\.test/);
	});

	it('refuses scores outside the scale, an unknown or doubled criterion, and a final without motivation (422), changing nothing', async () => {
		const id = await inReview('Scores');
		await scoreApplication(j1, { applicationId: id, scores: [{ criterion: 'relevance', score: 6, comment: 'Goed' }] });
		const before = await myScores(id, juror1.user.id);
		const cases: [unknown, Record<string, string>][] = [
			[{ scores: [{ criterion: 'relevance', score: 11 }] }, { scores: 'fund_jury_error_scale' }],
			[{ scores: [{ criterion: 'relevance', score: -1 }] }, { scores: 'fund_jury_error_scale' }],
			[{ scores: [{ criterion: 'relevance', score: 5.5 }] }, { scores: 'fund_jury_error_scale' }],
			[{ scores: [{ criterion: 'beauty', score: 5 }] }, { scores: 'fund_jury_error_criterion' }],
			[
				{
					scores: [
						{ criterion: 'relevance', score: 5 },
						{ criterion: 'relevance', score: 6 }
					]
				},
				{ scores: 'fund_jury_error_duplicate' }
			],
			[{ scores: scores(5), final: true, motivation: '  ' }, { motivation: 'fund_jury_error_motivation' }],
			[{ scores: scores(5).slice(1), final: true, motivation: 'Sterk' }, { scores: 'fund_jury_error_incomplete' }]
		];
		for (const [input, fields] of cases) {
			const e = await refused(scoreApplication(j1, { applicationId: id, ...(input as object) } as never));
			expect([e.status, e.fields], JSON.stringify(input)).toEqual([422, fields]);
		}
		expect(await myScores(id, juror1.user.id)).toEqual(before);
	});

	it('a final review is the juror’s last word: a juror reopening is 403, the officer reopens it', async () => {
		const id = await inReview('Final');
		await scoreApplication(j1, { applicationId: id, scores: scores(7, 'Ok'), final: true, motivation: 'Sterk plan' });
		const e = await refused(scoreApplication(j1, { applicationId: id, scores: scores(2) }));
		expect([e.status, e.key]).toEqual([409, 'fund_jury_error_final']);
		expect((await refused(reopenReview(j1, { applicationId: id, userId: juror1.user.id }))).status).toBe(403);
		expect((await refused(reopenReview(ctxFor(db, stranger.actor), { applicationId: id, userId: juror1.user.id }))).status).toBe(404);
		expect((await getReviewApplication(o, { id })).finalReviews.map((r) => r.userId)).toEqual([juror1.user.id]);
		await reopenReview(o, { applicationId: id, userId: juror1.user.id });
		const view = await getJuryApplication(j1, { id });
		expect(view.review).toMatchObject({ final: false, reopened: true });
		await scoreApplication(j1, { applicationId: id, scores: scores(4) });
		expect((await myScores(id, juror1.user.id)).map((s) => s.score)).toEqual([4, 4, 4, 4, 4]);
		const [review] = await db.select().from(fundingReview).where(eq(fundingReview.applicationId, id));
		expect(review!.reopenedByUserId).toBe(officer.user.id);
	});

	it('cannot score an application that is not in review', async () => {
		const id = await submitted('Early');
		await checkEligibility(o, { id, eligible: true });
		const e = await refused(scoreApplication(j1, { applicationId: id, scores: scores(5) }));
		expect([e.status, e.key]).toEqual([409, 'fund_jury_error_closed']);
	});

	it('a conflicted juror cannot read or score, and their earlier scores vanish from the board', async () => {
		const id = await inReview('Conflict');
		await scoreApplication(j1, { applicationId: id, scores: scores(10), final: true, motivation: 'Prachtig' });
		await scoreApplication(j2, { applicationId: id, scores: scores(4), final: true, motivation: 'Matig' });
		const row = (b: Awaited<ReturnType<typeof getReviewBoard>>) => b.applications.find((a) => a.id === id)!;
		const before = row(await getReviewBoard(o, { callId }));
		expect(before.score).toEqual({ num: 7, den: 1 });
		expect(before.flagged).toEqual(CRITERIA);
		await declareConflict(j1, { applicationId: id, reason: 'Mijn buurvrouw leidt het project' });
		for (const p of [
			() => getJuryApplication(j1, { id }),
			() => scoreApplication(j1, { applicationId: id, scores: scores(1) }),
			() => declareConflict(j1, { applicationId: id, reason: 'x' })
		])
			expect((await refused(p())).status).toBe(404);
		expect((await listJuryApplications(j1, { callId })).items.map((i) => i.id)).not.toContain(id);
		const after = row(await getReviewBoard(o, { callId }));
		expect(after.score).toEqual({ num: 4, den: 1 });
		expect(after.reviews.map((r) => r.userId)).toEqual([juror2.user.id]);
		expect(after.conflicts).toEqual([{ userId: juror1.user.id, name: juror1.actor.name, reason: 'Mijn buurvrouw leidt het project' }]);
		expect(after.flagged).toEqual([]);
	});

	it('a juror applying themselves (owner or co-editor) is refused like a conflict', async () => {
		const own = await submitted('Own', { owner: juror2.user.id });
		await checkEligibility(o, { id: own, eligible: true });
		await startReview(o, { id: own });
		const edited = await inReview('Co-edited');
		await db.insert(fundingEditor).values({
			applicationId: edited,
			email: juror2.email,
			tokenHash: `h-${edited}`,
			userId: juror2.user.id,
			acceptedAt: new Date(),
			expiresAt: new Date(Date.now() + 86_400_000)
		});
		for (const id of [own, edited]) {
			expect((await refused(scoreApplication(j2, { applicationId: id, scores: scores(10) }))).status).toBe(404);
			expect((await refused(getJuryApplication(j2, { id }))).status).toBe(404);
		}
		const listed = (await listJuryApplications(j2, { callId })).items.map((i) => i.id);
		expect(listed).not.toContain(own);
		expect(listed).not.toContain(edited);
	});

	it('a juror taken off the call no longer sees it', async () => {
		await assignJuror(o, { callId, userId: offCall.user.id });
		const off = ctxFor(db, offCall.actor);
		expect((await listJuryApplications(off, { callId })).call.id).toBe(callId);
		await unassignJuror(o, { callId, userId: offCall.user.id });
		expect((await refused(listJuryApplications(off, { callId }))).status).toBe(404);
	});
});

describe('the decision', () => {
	it('refuses granting more than asked (422), changing nothing', async () => {
		const id = await inReview('Too much');
		const e = await refused(decideApplication(o, { id, decision: 'granted', grantedCents: 750_001, reason: '' }));
		expect([e.status, e.fields]).toEqual([422, { grantedCents: 'fund_decision_error_over_request' }]);
		const [row] = await db.select().from(fundingApplication).where(eq(fundingApplication.id, id));
		expect(row).toMatchObject({ status: 'in_review', grantedCents: null, decidedAt: null });
	});

	it('grants a lower amount and tells the applicant by e-mail in the application’s language', async () => {
		const id = await inReview('Groene speelplaats', 'fr');
		const out = await decideApplication(o, { id, decision: 'granted', grantedCents: 600_000, reason: 'Budget réduit pour les plantes' });
		expect(out).toMatchObject({ status: 'granted', grantedCents: 600_000 });
		const [row] = await db.select().from(fundingApplication).where(eq(fundingApplication.id, id));
		expect(row).toMatchObject({
			status: 'granted',
			grantedCents: 600_000,
			decidedByUserId: officer.user.id,
			decisionReason: 'Budget réduit pour les plantes'
		});
		const [mail] = await db
			.select()
			.from(mailOutbox)
			.where(and(eq(mailOutbox.to, applicant.email), eq(mailOutbox.subject, 'Décision sur votre demande « Groene speelplaats »')));
		expect(mail!.text).toMatch(/6\s?000,00/);
		expect(mail!.text).toContain('Bonne nouvelle');
		expect(mail!.text).toContain(`/apply/${id}`);
		// The grant is a project at once, with the scored version as its approved budget.
		const [project] = await db.select().from(fundingProject).where(eq(fundingProject.applicationId, id));
		expect(project).toMatchObject({ grantedCents: 600_000, organisationId: row!.organisationId });
		const versions = await db.select().from(fundingBudgetVersion).where(eq(fundingBudgetVersion.projectId, project!.id));
		expect(versions.map((v) => [v.version, v.status])).toEqual([[1, 'approved']]);
	});

	it('rejects with the reason, in Dutch for a Dutch application', async () => {
		const id = await inReview('Afgewezen');
		await decideApplication(o, { id, decision: 'rejected', reason: 'Valt buiten de wijk' });
		const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.to, applicant.email));
		const mail = mails.find((m) => m.subject === 'Beslissing over je aanvraag „Afgewezen”')!;
		expect(mail.text).toContain('Reden: Valt buiten de wijk');
		expect(mail.text).toContain('niet goedgekeurd');
	});
});

describe('the board', () => {
	it('ranks by the weighted score, scores side by side, with ties kept', async () => {
		const { id: boardCall } = await createCall(o, { programmeId, template: 'improvement_contract', locale: 'nl' });
		await assignJuror(o, { callId: boardCall, userId: juror1.user.id });
		await assignJuror(o, { callId: boardCall, userId: juror2.user.id });
		const mk = async (t: string) => {
			const id = await submitted(t, { call: boardCall });
			await checkEligibility(o, { id, eligible: true });
			await startReview(o, { id });
			return id;
		};
		const [a, b, c] = [await mk('A'), await mk('B'), await mk('C')];
		await scoreApplication(j1, { applicationId: a, scores: scores(8), final: true, motivation: 'm' });
		await scoreApplication(j2, { applicationId: a, scores: scores(6), final: true, motivation: 'm' });
		await scoreApplication(j1, { applicationId: b, scores: scores(7), final: true, motivation: 'm' });
		// A draft review does not count yet.
		await scoreApplication(j2, { applicationId: b, scores: scores(1) });
		await scoreApplication(j1, { applicationId: c, scores: scores(9) });
		const board = await getReviewBoard(o, { callId: boardCall });
		expect(board.applications.map((x) => [x.id, x.rank, x.tied, x.shown])).toEqual([
			[a, 1, true, 7],
			[b, 1, true, 7],
			[c, null, false, null]
		]);
		expect(board.applications[0]!.reviews.map((r) => r.scores.relevance).sort()).toEqual([6, 8]);
		expect(board.applications[1]!.reviews.find((r) => r.userId === juror2.user.id)!.final).toBe(false);
	});
});
