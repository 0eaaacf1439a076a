import { describe, expect, it } from 'vitest';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeOrganisation } from '../factories/index.ts';
import { formPost, outcome } from '../factories/page.ts';
import { fundingApplication, fundingApplicationVersion } from '../../src/lib/server/funding/schema.ts';
import { assignJuror, checkEligibility, createCall, createProgramme } from '../../src/lib/server/funding/index.ts';
import * as jury from '../../src/routes/(work)/jury/+page.server.ts';
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
		expect(data.calls[0]!.applications.map((a) => [a.title, a.review])).toEqual([['Groene speelstraat', 'none']]);
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
