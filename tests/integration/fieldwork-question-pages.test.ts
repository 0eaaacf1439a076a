import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { formPost, outcome } from '../factories/page.ts';
import { registerPerson } from '../../src/lib/server/people/index.ts';
import { createPartner } from '../../src/lib/server/network/index.ts';
import { fieldworkQuestion, fieldworkReferral } from '../../src/lib/server/fieldwork/schema.ts';
import { createQuestion, createReferral } from '../../src/lib/server/fieldwork/index.ts';
import { load as listLoad } from '../../src/routes/(work)/fieldwork/questions/+page.server.ts';
import { actions as newQuestionActions, load as newQuestionLoad } from '../../src/routes/(work)/fieldwork/questions/new/+page.server.ts';
import { actions as questionActions, load as questionLoad } from '../../src/routes/(work)/fieldwork/questions/[id]/+page.server.ts';
import { load as referralsLoad } from '../../src/routes/(work)/fieldwork/referrals/+page.server.ts';
import { actions as newReferralActions, load as newReferralLoad } from '../../src/routes/(work)/fieldwork/referrals/new/+page.server.ts';
import { actions as referralActions, load as referralLoad } from '../../src/routes/(work)/fieldwork/referrals/[id]/+page.server.ts';

// The question and referral pages: residents and volunteers get a 403, another neighbourhood's or
// organisation's records a 404, bad input re-renders with a message in the page's language and
// changes nothing; a good post redirects (Post/Redirect/Get).

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
const person = await registerPerson(w, { firstName: 'Yasmina', organisationId: org.id, areaId: rabot.id });
const ocmw = await createPartner(w, { name: 'OCMW Gent', kind: 'welfare', organisationId: org.id, themes: ['income'] });
const question = await createQuestion(w, { personId: person.id, title: 'Energiefactuur', theme: 'income' });
const referral = await createReferral(w, { personId: person.id, partnerId: ocmw.id, overrideReason: 'Acute nood' });

const n = async (t: typeof fieldworkQuestion | typeof fieldworkReferral) => (await db.select({ n: count() }).from(t))[0]!.n;
type Failure = { status: number; data: { errors: Record<string, string>; message: string } };
const get = (path: string, who: { actor: unknown }, params?: Record<string, string>) => {
	const e = formPost(path, who, {}, { params, locale: 'nl' }) as { request: Request };
	return { ...(e as object), request: new Request(e.request.url) } as never;
};

describe('who sees the pages', () => {
	it('residents and volunteers get a 403 on every page', async () => {
		for (const who of [resident, volunteer]) {
			expect(await outcome(listLoad(get('/fieldwork/questions', who)))).toMatchObject({ status: 403 });
			expect(await outcome(newQuestionLoad(get(`/fieldwork/questions/new?person=${person.id}`, who)))).toMatchObject({ status: 403 });
			expect(await outcome(questionLoad(get(`/fieldwork/questions/${question.id}`, who, { id: question.id })))).toMatchObject({ status: 403 });
			expect(await outcome(referralsLoad(get('/fieldwork/referrals', who)))).toMatchObject({ status: 403 });
			expect(await outcome(newReferralLoad(get(`/fieldwork/referrals/new?person=${person.id}`, who)))).toMatchObject({ status: 403 });
			expect(await outcome(referralLoad(get(`/fieldwork/referrals/${referral.id}`, who, { id: referral.id })))).toMatchObject({ status: 403 });
		}
	});

	it('another neighbourhood’s and another organisation’s workers get a 404 for the records', async () => {
		for (const who of [muideWorker, stranger]) {
			expect(await outcome(newQuestionLoad(get(`/fieldwork/questions/new?person=${person.id}`, who)))).toMatchObject({ status: 404 });
			expect(await outcome(questionLoad(get(`/fieldwork/questions/${question.id}`, who, { id: question.id })))).toMatchObject({ status: 404 });
			expect(await outcome(newReferralLoad(get(`/fieldwork/referrals/new?person=${person.id}`, who)))).toMatchObject({ status: 404 });
			expect(await outcome(referralLoad(get(`/fieldwork/referrals/${referral.id}`, who, { id: referral.id })))).toMatchObject({ status: 404 });
		}
	});

	it('the worker sees the partners, the preview and the counts', async () => {
		const choose = (await newReferralLoad(get(`/fieldwork/referrals/new?person=${person.id}&question=${question.id}`, worker))) as {
			partners: Array<{ name: string; fits: boolean }>;
		};
		expect(choose.partners).toEqual([expect.objectContaining({ name: 'OCMW Gent', fits: true })]);
		const check = (await newReferralLoad(get(`/fieldwork/referrals/new?person=${person.id}&partner=${ocmw.id}`, worker))) as {
			preview: { shared: object; consent: string };
		};
		expect(check.preview).toMatchObject({ shared: { firstName: 'Yasmina' }, consent: 'no_purpose' });
		const list = (await referralsLoad(get('/fieldwork/referrals', worker))) as { counts: { referred: number } };
		expect(list.counts.referred).toBe(1);
	});
});

describe('the forms', () => {
	it('a new question without a title re-renders in the page’s language; nothing written; a good one redirects', async () => {
		const before = await n(fieldworkQuestion);
		const bad = (await newQuestionActions.default!(
			formPost('/fieldwork/questions/new', worker, { personId: person.id, title: '', theme: 'income' }, { locale: 'nl' })
		)) as Failure;
		expect(bad.status).toBe(400);
		expect(bad.data.errors.title).toBe('Vul dit in.');
		expect(await n(fieldworkQuestion)).toBe(before);
		const away = (await outcome(
			newQuestionActions.default!(formPost('/fieldwork/questions/new', muideWorker, { personId: person.id, title: 'x', theme: 'income' }))
		)) as Failure;
		expect(away.status).toBe(404);
		expect(await n(fieldworkQuestion)).toBe(before);
		const ok = await outcome(
			newQuestionActions.default!(formPost('/fieldwork/questions/new', worker, { personId: person.id, title: 'Huur', theme: 'housing', dueOn: '' }))
		);
		expect(ok).toMatchObject({ status: 303 });
		expect(await n(fieldworkQuestion)).toBe(before + 1);
	});

	it('a question’s status form: other places 404, wrong role 403, a refused step 422 with a message', async () => {
		const params = { id: question.id };
		const post = (who: { actor: unknown }, status: string, locale = 'nl') =>
			outcome(questionActions.status!(formPost(`/fieldwork/questions/${question.id}?/status`, who, { status }, { params, locale })));
		expect(await post(muideWorker, 'answered')).toMatchObject({ status: 404 });
		expect(await post(stranger, 'answered')).toMatchObject({ status: 404 });
		expect(await post(volunteer, 'answered')).toMatchObject({ status: 403 });
		const refused = (await post(worker, 'open')) as Failure;
		expect([refused.status, refused.data.errors.status]).toEqual([422, 'Deze statuswijziging kan niet vanuit de huidige status.']);
		expect((await db.select().from(fieldworkQuestion).where(eq(fieldworkQuestion.id, question.id)))[0]!.status).toBe('open');
		expect(await post(worker, 'in_progress')).toMatchObject({ status: 303 });
	});

	it('sending a referral without consent asks for a reason in the page’s language; nothing written', async () => {
		const before = await n(fieldworkReferral);
		const bad = (await newReferralActions.default!(
			formPost('/fieldwork/referrals/new', worker, { personId: person.id, partnerId: ocmw.id, overrideReason: '' }, { locale: 'fr' })
		)) as Failure;
		expect([bad.status, bad.data.errors.overrideReason]).toEqual([
			422,
			'Pas de consentement pour partager avec ce partenaire ; notez pourquoi vous orientez quand même.'
		]);
		expect(
			await outcome(
				newReferralActions.default!(formPost('/fieldwork/referrals/new', stranger, { personId: person.id, partnerId: ocmw.id, overrideReason: 'x' }))
			)
		).toMatchObject({ status: 404 });
		expect(
			await outcome(
				newReferralActions.default!(formPost('/fieldwork/referrals/new', volunteer, { personId: person.id, partnerId: ocmw.id, overrideReason: 'x' }))
			)
		).toMatchObject({ status: 403 });
		expect(await n(fieldworkReferral)).toBe(before);
		expect(
			await outcome(
				newReferralActions.default!(
					formPost('/fieldwork/referrals/new', worker, { personId: person.id, partnerId: ocmw.id, overrideReason: 'Acute nood' })
				)
			)
		).toMatchObject({ status: 303 });
		expect(await n(fieldworkReferral)).toBe(before + 1);
	});

	it('a referral’s step form: skipping a step is a 422 with a message, other places 404, wrong role 403', async () => {
		const params = { id: referral.id };
		const post = (who: { actor: unknown }, fields: Record<string, string>) =>
			outcome(referralActions.status!(formPost(`/fieldwork/referrals/${referral.id}?/status`, who, fields, { params, locale: 'nl' })));
		const skipped = (await post(worker, { status: 'arrived' })) as Failure;
		expect([skipped.status, Object.keys(skipped.data.errors)]).toEqual([422, ['status']]);
		expect(await post(muideWorker, { status: 'accepted' })).toMatchObject({ status: 404 });
		expect(await post(resident, { status: 'accepted' })).toMatchObject({ status: 403 });
		expect((await db.select().from(fieldworkReferral).where(eq(fieldworkReferral.id, referral.id)))[0]!.status).toBe('referred');
		expect(await post(worker, { status: 'accepted' })).toMatchObject({ status: 303 });
		expect(await post(worker, { status: 'arrived' })).toMatchObject({ status: 303 });
		const noReason = (await post(worker, { status: 'not_helped', reason: '' })) as Failure;
		expect([noReason.status, noReason.data.errors.reason]).toEqual([422, 'Kies waarom de persoon niet geholpen werd.']);
	});
});
