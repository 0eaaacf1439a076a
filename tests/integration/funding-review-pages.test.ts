import { describe, expect, it } from 'vitest';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeOrganisation } from '../factories/index.ts';
import { formPost, outcome } from '../factories/page.ts';
import { eq } from 'drizzle-orm';
import {
	fundingApplication,
	fundingApplicationVersion,
	fundingCall,
	fundingConflict,
	fundingJuror,
	fundingScore
} from '../../src/lib/server/funding/schema.ts';
import { assignJuror, checkEligibility, createCall, createProgramme, startReview } from '../../src/lib/server/funding/index.ts';
import * as jury from '../../src/routes/(work)/jury/+page.server.ts';
import * as juryApp from '../../src/routes/(work)/jury/[app]/+page.server.ts';
import * as boardPage from '../../src/routes/(work)/funding/calls/[id]/applications/+page.server.ts';
import * as appPage from '../../src/routes/(work)/funding/calls/[id]/applications/[app]/+page.server.ts';
import * as layout from '../../src/routes/+layout.server.ts';

// The jury's home page as SvelteKit loads it: the calls the juror sits on with the applications they
// may see, no contact data of the applicant; the nav offers it to jury members only.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const officer = await makeActor(db, 'officer', { organisationId: org.id });
const juror = await makeActor(db, 'jury', { organisationId: org.id });
const applicant = await makeActor(db, 'resident', { organisationId: org.id });
const o = ctxFor(db, officer.actor);
const { id: programmeId } = await createProgramme(o, { organisationId: org.id, name: 'Wijkfonds' });
const { id: callId } = await createCall(o, { programmeId, template: 'improvement_contract' });
await assignJuror(o, { callId, userId: juror.user.id });
const body = {
	title: 'Groene speelstraat',
	summary: '',
	sections: {},
	budget: [],
	ownContributionCents: 0,
	startFundCents: 0,
	partners: [],
	targetGroups: [],
	indicators: [],
	risks: []
};
const [app] = await db
	.insert(fundingApplication)
	.values({
		callId,
		organisationId: org.id,
		applicantKind: 'association',
		applicantName: 'vzw Groen',
		ownerUserId: applicant.user.id,
		status: 'submitted',
		body,
		requestedCents: 500_000
	})
	.returning({ id: fundingApplication.id });
await db.insert(fundingApplicationVersion).values({ applicationId: app!.id, version: 1, body, rules: {} as never });
await checkEligibility(o, { id: app!.id, eligible: true });

type Loaded = { calls: { id: string; applications: { id: string; title: string; review: string }[] }[] };
const load = (who: { actor: unknown }) => outcome(jury.load(formPost('/jury', who, {}) as never));

describe('the jury page', () => {
	it('lists the juror’s calls and their applications, without the applicant’s e-mail', async () => {
		const data = (await load(juror)) as Loaded;
		expect(data.calls.map((c) => c.id)).toEqual([callId]);
		expect(data.calls[0]!.applications.filter((a) => a.id === app!.id).map((a) => [a.title, a.review])).toEqual([['Groene speelstraat', 'none']]);
		expect(JSON.stringify(data)).not.toContain(applicant.email);
	});

	it('is refused to an officer (403), and the nav shows it to jury members only', async () => {
		expect(((await load(officer)) as { status: number }).status).toBe(403);
		const nav = async (who: { actor: unknown }) =>
			(
				(await layout.load({
					...(formPost('/', who, {}) as object),
					cookies: { get: () => undefined },
					getClientAddress: () => '127.0.0.1'
				} as never)) as { nav: { jury: boolean } }
			).nav.jury;
		expect(await nav(juror)).toBe(true);
		expect(await nav(officer)).toBe(false);
	});
});

// The review pages: the officer's board and application page, the juror's application page.

const otherOfficer = await makeActor(db, 'officer');
const idleJuror = await makeActor(db, 'jury', { organisationId: org.id });
const spareJuror = await makeActor(db, 'jury', { organisationId: org.id });
const [callRow] = await db.select({ rules: fundingCall.rules }).from(fundingCall).where(eq(fundingCall.id, callId));
const rules = callRow!.rules;

async function makeApp(applicantName: string): Promise<string> {
	const [row] = await db
		.insert(fundingApplication)
		.values({
			callId,
			organisationId: org.id,
			applicantKind: 'association',
			applicantName,
			ownerUserId: applicant.user.id,
			status: 'submitted',
			body,
			requestedCents: 500_000
		})
		.returning({ id: fundingApplication.id });
	await db.insert(fundingApplicationVersion).values({ applicationId: row!.id, version: 1, body, rules: {} as never });
	return row!.id;
}
const statusOf = async (id: string) => (await db.select().from(fundingApplication).where(eq(fundingApplication.id, id)))[0]!;
type Failure = { status: number; data: { errors: Record<string, string>; message?: string } };
type Thrown = { status: number; location?: string };

const scored = await makeApp('vzw Scores');
const decided = await makeApp('vzw Beslist');
const fresh = await makeApp('vzw Nieuw');
for (const id of [scored, decided]) {
	await checkEligibility(o, { id, eligible: true });
	await startReview(o, { id });
}

const boardOf = (who: { actor: unknown }, id = callId) =>
	outcome(boardPage.load(formPost(`/funding/calls/${id}/applications`, who, {}, { params: { id } }) as never));
const boardAction = (name: 'assign' | 'unassign', who: { actor: unknown }, fields: Record<string, string>) =>
	outcome(boardPage.actions[name]!(formPost(`/funding/calls/${callId}/applications?/${name}`, who, fields, { params: { id: callId } }) as never));

describe('the officer’s review board', () => {
	it('lists the call’s submitted applications with status, grant asked and the jury candidates', async () => {
		const data = (await boardOf(officer)) as {
			board: { applications: { id: string; status: string; requestedCents: number }[]; candidates: { userId: string }[] };
		};
		expect(data.board.applications.map((a) => a.id).sort()).toEqual([app!.id, scored, decided, fresh].sort());
		expect(data.board.applications.find((a) => a.id === scored)!.status).toBe('in_review');
		expect(data.board.candidates.map((c) => c.userId)).toEqual(expect.arrayContaining([idleJuror.user.id, spareJuror.user.id]));
	});

	it('is refused to a resident (403) and does not exist for another organisation’s officer (404)', async () => {
		expect(((await boardOf(applicant)) as Thrown).status).toBe(403);
		expect(((await boardOf(otherOfficer)) as Thrown).status).toBe(404);
		expect(((await boardOf(officer, 'not-a-uuid')) as Thrown).status).toBe(404);
	});

	it('adds and removes a juror; an account without the jury role is refused with the field’s message', async () => {
		const bad = (await boardAction('assign', officer, { userId: applicant.user.id })) as Failure;
		expect(bad.status).toBe(422);
		expect(bad.data.errors.userId).toBe('This person has no jury role in your organisation.');
		expect((await db.select().from(fundingJuror).where(eq(fundingJuror.userId, applicant.user.id))).length).toBe(0);
		expect(((await boardAction('assign', otherOfficer, { userId: spareJuror.user.id })) as Failure).status).toBe(404);
		expect(((await boardAction('assign', officer, { userId: spareJuror.user.id })) as Thrown).status).toBe(303);
		expect((await db.select().from(fundingJuror).where(eq(fundingJuror.userId, spareJuror.user.id))).length).toBe(1);
		expect(((await boardAction('unassign', officer, { userId: spareJuror.user.id })) as Thrown).status).toBe(303);
		expect((await db.select().from(fundingJuror).where(eq(fundingJuror.userId, spareJuror.user.id))).length).toBe(0);
	});
});

const appPath = (id: string) => `/funding/calls/${callId}/applications/${id}`;
const appLoad = (who: { actor: unknown }, id: string, call = callId) =>
	outcome(appPage.load(formPost(appPath(id), who, {}, { params: { id: call, app: id } }) as never));
const appAction = (name: keyof typeof appPage.actions, who: { actor: unknown }, id: string, fields: Record<string, string>) =>
	outcome(appPage.actions[name]!(formPost(`${appPath(id)}?/${name}`, who, fields, { params: { id: callId, app: id } }) as never));

describe('the officer’s application page', () => {
	it('shows the application with its history and the steps open now', async () => {
		const data = (await appLoad(officer, fresh)) as { application: { status: string; nextSteps: string[]; history: { to: string }[] } };
		expect(data.application.status).toBe('submitted');
		expect(data.application.nextSteps).toEqual(expect.arrayContaining(['eligible', 'ineligible']));
		expect(data.application.history.map((h) => h.to)).toEqual([]);
	});

	it('is refused to a resident (403); another organisation’s officer and another call’s path get 404', async () => {
		expect(((await appLoad(applicant, fresh)) as Thrown).status).toBe(403);
		expect(((await appLoad(otherOfficer, fresh)) as Thrown).status).toBe(404);
		expect(((await appLoad(officer, fresh, crypto.randomUUID())) as Thrown).status).toBe(404);
		expect(((await appAction('start', otherOfficer, decided, {})) as Failure).status).toBe(404);
	});

	it('refuses "ineligible" without a reason, then records eligibility and starts the review', async () => {
		const bad = (await appAction('eligibility', officer, fresh, { eligible: 'no', reason: ' ' })) as Failure;
		expect(bad.status).toBe(422);
		expect(bad.data.errors.reason).toBe('Give a reason.');
		expect((await statusOf(fresh)).status).toBe('submitted');
		expect(((await appAction('eligibility', officer, fresh, { eligible: 'yes' })) as Thrown).status).toBe(303);
		expect(((await appAction('start', officer, fresh, {})) as Thrown).status).toBe(303);
		expect((await statusOf(fresh)).status).toBe('in_review');
	});

	it('refuses an amount like "1,234", a rejection without reason and an amount over the grant asked, changing nothing', async () => {
		const comma = (await appAction('decide', officer, decided, { decision: 'granted', amount: '1,234', reason: '' })) as Failure;
		expect(comma.status).toBe(400);
		expect(comma.data.errors.grantedCents).toBe('Give an amount in euro, for example 12.500,50.');
		const noReason = (await appAction('decide', officer, decided, { decision: 'rejected', amount: '', reason: '' })) as Failure;
		expect(noReason.status).toBe(400);
		expect(noReason.data.errors.reason).toBe('Give a reason.');
		const confirmedNoReason = (await appAction('decide', officer, decided, { decision: 'rejected', reason: '', confirmed: 'yes' })) as Failure;
		expect(confirmedNoReason.status).toBe(422);
		expect(confirmedNoReason.data.errors.reason).toBe('Give a reason.');
		const over = (await appAction('decide', officer, decided, { decision: 'granted', amount: '5.000,01', reason: '' })) as Failure;
		expect(over.data.errors.grantedCents).toBe('The amount granted is more than the grant asked.');
		const row = await statusOf(decided);
		expect([row.status, row.grantedCents]).toEqual(['in_review', null]);
	});

	it('asks to confirm a grant (nothing written yet), then decides it', async () => {
		const first = (await appAction('decide', officer, decided, { decision: 'granted', amount: '4.000,50', reason: 'Mooi project' })) as {
			confirm: { decision: string; grantedCents: number };
		};
		expect(first.confirm).toMatchObject({ decision: 'granted', grantedCents: 400_050 });
		expect((await statusOf(decided)).status).toBe('in_review');
		const done = (await appAction('decide', officer, decided, {
			decision: 'granted',
			amount: '4.000,50',
			reason: 'Mooi project',
			confirmed: 'yes'
		})) as Thrown;
		expect(done.status).toBe(303);
		const row = await statusOf(decided);
		expect([row.status, row.grantedCents]).toEqual(['granted', 400_050]);
	});
});

const juryLoad = (who: { actor: unknown }, id: string) => outcome(juryApp.load(formPost(`/jury/${id}`, who, {}, { params: { app: id } }) as never));
const juryAction = (name: 'score' | 'conflict', who: { actor: unknown }, id: string, fields: Record<string, string>) =>
	outcome(juryApp.actions[name]!(formPost(`/jury/${id}?/${name}`, who, fields, { params: { app: id } }) as never));
const scoresOf = async (id: string) => db.select().from(fundingScore).where(eq(fundingScore.applicationId, id));
const allScores = (score: number) => Object.fromEntries(rules.criteria.map((c) => [`score_${c.key}`, String(score)]));

describe('the juror’s application page', () => {
	it('shows the frozen application without the applicant’s contact data', async () => {
		const data = (await juryLoad(juror, scored)) as { application: { scorable: boolean; body: { title: string } } };
		expect(data.application.scorable).toBe(true);
		expect(data.application.body.title).toBe('Groene speelstraat');
		expect(JSON.stringify(data)).not.toContain(applicant.email);
	});

	it('does not exist for a juror not on the call (404) and is refused to a resident (403)', async () => {
		expect(((await juryLoad(idleJuror, scored)) as Thrown).status).toBe(404);
		expect(((await juryLoad(applicant, scored)) as Thrown).status).toBe(403);
		expect(((await juryAction('score', idleJuror, scored, allScores(rules.scaleMin))) as Failure).status).toBe(404);
	});

	it('refuses a score outside the scale and a final review without motivation, keeping nothing', async () => {
		const out = (await juryAction('score', juror, scored, { ...allScores(rules.scaleMax + 1), final: 'no' })) as Failure;
		expect(out.status).toBe(422);
		expect(out.data.errors.scores).toBe('A score is a whole number on the call’s scale.');
		const noMotivation = (await juryAction('score', juror, scored, { ...allScores(rules.scaleMax), final: 'yes', motivation: '' })) as Failure;
		expect(noMotivation.data.errors.motivation).toBe('A final review needs a motivation.');
		expect(await scoresOf(scored)).toEqual([]);
	});

	it('saves a draft, then makes it final; a final review shows read-only', async () => {
		expect(((await juryAction('score', juror, scored, { ...allScores(rules.scaleMin), final: 'no' })) as Thrown).status).toBe(303);
		expect((await scoresOf(scored)).map((s) => s.score)).toEqual(rules.criteria.map(() => rules.scaleMin));
		const final = { ...allScores(rules.scaleMax), final: 'yes', motivation: 'Sterk plan' };
		expect(((await juryAction('score', juror, scored, final)) as Thrown).status).toBe(303);
		const data = (await juryLoad(juror, scored)) as { application: { scorable: boolean; review: { final: boolean } } };
		expect([data.application.scorable, data.application.review.final]).toEqual([false, true]);
		expect(((await juryAction('score', juror, scored, final)) as Failure).status).toBe(409);
	});

	it('declares a conflict (a reason needed), after which the application is gone for the juror', async () => {
		const none = (await juryAction('conflict', juror, fresh, { reason: '' })) as Failure;
		expect(none.status).toBe(422);
		expect(none.data.errors.reason).toBeTruthy();
		expect((await db.select().from(fundingConflict).where(eq(fundingConflict.applicationId, fresh))).length).toBe(0);
		const done = (await juryAction('conflict', juror, fresh, { reason: 'Mijn buurvrouw' })) as Thrown;
		expect([done.status, done.location]).toEqual([303, '/jury']);
		expect(((await juryLoad(juror, fresh)) as Thrown).status).toBe(404);
	});
});
