import { describe, expect, it } from 'vitest';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { apiCall, type ApiCall } from '../factories/api.ts';
import { anonymous, type Actor } from '../../src/lib/server/core/context.ts';
import { OPERATIONS, documented, openApiDocument } from '../../src/lib/server/api/index.ts';
import { addDays, addYears, todayInBelgium } from '../../src/lib/server/core/time.ts';
import {
	completeLink,
	countVisit,
	createOfficeHour,
	createNeed,
	createNeedInput,
	createOffer,
	createOfferInput,
	proposeLink,
	recordCertificate,
	respondToLink
} from '../../src/lib/server/aid/index.ts';
import { peoplePurpose } from '../../src/lib/server/people/schema.ts';
import { and, eq } from 'drizzle-orm';
import { createHousehold, registerPerson, registerPersonInput } from '../../src/lib/server/people/index.ts';
import { createPartner, createRelationship } from '../../src/lib/server/network/index.ts';
import { createQuestion, createReferral, createSignal, linkSignalEvidence, logContact } from '../../src/lib/server/fieldwork/index.ts';
import { fieldworkContact, fieldworkSignalEvidence } from '../../src/lib/server/fieldwork/schema.ts';
import { createActivity } from '../../src/lib/server/activities/index.ts';
import { makeActivity, makeSession } from '../factories/activities.ts';
import { defineIndicator } from '../../src/lib/server/indicators/index.ts';
import {
	assignJuror,
	checkEligibility,
	createApplication,
	createCall,
	createProgramme,
	getCall,
	getProject,
	publishCall,
	startReview,
	updateApplication
} from '../../src/lib/server/funding/index.ts';
import { blankApplication } from '../../src/lib/funding/blank.ts';
import { seedDemoProject } from '../../src/lib/server/seed/funding-projects.ts';
import { fundingApplication, fundingApplicationVersion } from '../../src/lib/server/funding/schema.ts';

// The contract: every documented operation is served, every served one documented, and each answers
// with exactly the fields its schema documents (a field the document does not name fails here).

const { db } = await freshAppDatabase();
const area = await makeArea(db, 'Rabot');
const admin = await makeActor(db, 'admin');
const org = await makeOrganisation(db);
const staff = ctxFor(db, admin.actor);
const newHour = async () => (await createOfficeHour(staff, { areaId: area.id, place: 'Buurthuis', day: 1, start: 540, end: 720, public: true })).id;

// Needs and offers: a resident's, a volunteer's, and the facilitator of their neighbourhood.
const muide = await makeArea(db, 'Muide');
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: muide.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: muide.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: muide.id });
const TUESDAY = [{ day: 1, start: 540, end: 720 }];
const needOf = (title: string) =>
	createNeed(
		ctxFor(db, resident.actor),
		createNeedInput.parse({ personId: resident.person.id, category: 'errands', title, areaId: muide.id, windows: TUESDAY })
	);
const offerOf = (title: string) =>
	createOffer(
		ctxFor(db, volunteer.actor),
		createOfferInput.parse({ personId: volunteer.person.id, category: 'errands', title, areaId: muide.id, windows: TUESDAY, capacity: 2 })
	);
const [need, toWithdraw, twice] = [await needOf('Shopping'), await needOf('Moving a cupboard'), await needOf('Shopping again')];
const [offer, toPause] = [await offerOf('Errands'), await offerOf('More errands')];
const API_TUESDAY = [{ day: 2, start: '09:00', end: '12:00' }];

// The links, My help and certificates: a broker and a helper of one organisation, walk-ins.
const linkOrg = await makeOrganisation(db);
const broker = await makeActor(db, 'facilitator', { organisationId: linkOrg.id, areaId: area.id });
const helper = await makeActor(db, 'volunteer', { organisationId: linkOrg.id, areaId: area.id });
const f = ctxFor(db, broker.actor);
const v = ctxFor(db, helper.actor);
const linkOffer = await createOffer(
	v,
	createOfferInput.parse({ personId: helper.person.id, category: 'errands', title: 'Errands', areaId: area.id, capacity: 20 })
);
const walkIn = () =>
	registerPerson(f, registerPersonInput.parse({ firstName: 'Mila', organisationId: linkOrg.id, areaId: area.id, contactConsent: 'on' }));
const proposed = async () =>
	proposeLink(f, {
		needId: (await createNeed(f, createNeedInput.parse({ personId: (await walkIn()).id, category: 'errands', title: 'Shopping', areaId: area.id })))
			.id,
		offerId: linkOffer.id
	});
const accepted = async () => {
	const l = await proposed();
	await respondToLink(v, { linkId: l.id, answer: 'accept' });
	return l;
};
const today = todayInBelgium();
const checked = async () => {
	const p = await walkIn();
	await recordCertificate(f, { personId: p.id, checkedOn: today, validUntil: addYears(today, 2) });
	return p;
};

/** Every organisation has the purposes 'contact' and 'intercultural' (migration 0014's trigger). */
const purposeId = async (organisationId: string, code: 'contact' | 'intercultural') =>
	(
		await db
			.select({ id: peoplePurpose.id })
			.from(peoplePurpose)
			.where(and(eq(peoplePurpose.organisationId, organisationId), eq(peoplePurpose.code, code)))
	)[0]!.id;
// Households, partners and ties (fieldwork, part B): an admin of `org`.
const newPartner = (name = 'OCMW Gent') =>
	createPartner(staff, { name, kind: 'welfare', organisationId: org.id, themes: ['income'], areaIds: [area.id] });
const newMember = () => registerPerson(staff, { firstName: 'Member', organisationId: org.id, areaId: area.id });
const newHousehold = async () =>
	createHousehold(staff, {
		organisationId: org.id,
		areaId: area.id,
		name: 'Peeters',
		members: [{ personId: (await newMember()).id, role: 'adult', head: true }]
	});

const newContact = async () =>
	logContact(ctxFor(db, facilitator.actor), {
		organisationId: org.id,
		areaId: muide.id,
		type: 'home_visit',
		durationMinutes: 30,
		themes: ['housing', 'income'],
		newPeople: [{ firstName: 'Noor' }],
		note: 'Asked about the rent'
	});
const muidePerson = () => registerPerson(ctxFor(db, facilitator.actor), { firstName: 'Fieldwork', organisationId: org.id, areaId: muide.id });
const newSignal = () =>
	createSignal(staff, { organisationId: org.id, areaId: area.id, theme: 'income', title: 'Online only', description: 'Seen often' });
const areaContact = async () =>
	(
		await db
			.insert(fieldworkContact)
			.values({
				organisationId: org.id,
				areaId: area.id,
				type: 'street',
				startedAt: new Date(),
				durationMinutes: 30,
				themes: ['income'],
				anonymousCount: 3
			})
			.returning({ id: fieldworkContact.id })
	)[0]!.id;

const activityBody = {
	organisationId: org.id,
	areaId: muide.id,
	kind: 'recurring' as const,
	title: 'Naaiatelier',
	placeName: 'Buurthuis Muide',
	themes: ['leisure' as const],
	recurrence: 'weekly' as const,
	startsOn: today,
	endsOn: addDays(today, 60),
	startTime: '14:00',
	durationMinutes: 120
};
const newActivity = () => createActivity(ctxFor(db, facilitator.actor), activityBody);
const officer = await makeActor(db, 'officer', { organisationId: org.id });
const newProgramme = async () => (await createProgramme(ctxFor(db, officer.actor), { organisationId: org.id, name: 'Wijkfonds' })).id;
const publishedCall = async () => {
	const made = await createCall(ctxFor(db, officer.actor), { programmeId: await newProgramme(), template: 'improvement_contract' });
	await publishCall(ctxFor(db, officer.actor), { id: made.id });
	return made.id;
};
// Applications (issue 16, part applications): each sample by a new applicant (one per applicant per call).
const appCall = await publishedCall();
const appRules = (await getCall(ctxFor(db, officer.actor), { id: appCall })).rules;
const newApplicant = async () => (await makeActor(db, null)).actor;
const appBody = () => ({
	...blankApplication(appRules),
	title: 'Samen Rabot',
	sections: Object.fromEntries(appRules.sections.map((s) => [s.key, 'Een korte tekst.'])),
	budget: [{ id: 'l1', year: 1, category: 'personnel' as const, description: 'Opbouwwerk', amountCents: 10_000_000 }],
	ownContributionCents: 2_500_000,
	indicators: ['a', 'b', 'c'].map((id) => ({ id, metric: null, name: `Indicator ${id}`, target: 5, unit: 'x' }))
});
const newApplication = async () => {
	const as = await newApplicant();
	const made = await createApplication(ctxFor(db, as), { callId: appCall, applicantKind: 'association', applicantName: 'Buurtwerk' });
	return { as, id: made.id };
};

// A running project (the demo's) on the organisation's sustainable-contract call, granted to an applicant.
const grantee = await makeActor(db, null);
await createCall(ctxFor(db, officer.actor), { programmeId: await newProgramme(), template: 'sustainable_contract' });
const { projectId } = await seedDemoProject(db, org.id, { officer: officer.user.id, applicant: grantee.user.id });
const unpaidTranche = async () => (await getProject(ctxFor(db, officer.actor), { id: projectId })).tranches.find((t) => t.paidOn === null)!.id;

// Funding, part review: an application in review (inserted as a submit leaves it) and a juror on its call.
const juror = await makeActor(db, 'jury', { organisationId: org.id });
const inReview = async () => {
	const o = ctxFor(db, officer.actor);
	const { id: callId } = await createCall(o, { programmeId: await newProgramme(), template: 'improvement_contract' });
	await assignJuror(o, { callId, userId: juror.user.id });
	const body = {
		title: 'Speelstraat',
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
			applicantName: 'vzw Speelstraat',
			ownerUserId: resident.user.id,
			status: 'submitted',
			body,
			requestedCents: 500_000
		})
		.returning({ id: fundingApplication.id });
	await db.insert(fundingApplicationVersion).values({ applicationId: app!.id, version: 1, body, rules: {} as never });
	await checkEligibility(o, { id: app!.id, eligible: true });
	await startReview(o, { id: app!.id });
	return app!.id;
};
const indicatorBody = (template: string) => ({
	organisationId: org.id,
	name: `Contract ${template}`,
	template,
	target: 10,
	periodType: (template === 'manual' ? 'year' : 'month') as 'year' | 'month',
	startsOn: '2026-01-01',
	endsOn: '2026-12-31'
});
const newIndicator = async (template: string) => (await defineIndicator(staff, indicatorBody(template))).id;

type Sample = { as: Actor; call: ApiCall; status: number; /** A file operation: the content type it must answer. */ type?: string };

/** One real call per operation, with what it must answer. A new operation without one fails below. */
const SAMPLES: Record<string, () => Sample | Promise<Sample>> = {
	getMe: () => ({ as: admin.actor, call: { path: '/me' }, status: 200 }),
	listNeighbourhoods: () => ({ as: anonymous, call: { path: '/areas' }, status: 200 }),
	createNeed: () => ({
		as: resident.actor,
		call: {
			method: 'POST',
			path: '/aid/needs',
			body: { personId: resident.person.id, category: 'errands', title: 'Groceries', areaId: muide.id, windows: API_TUESDAY }
		},
		status: 201
	}),
	listNeeds: () => ({ as: facilitator.actor, call: { path: '/aid/needs?limit=2' }, status: 200 }),
	getNeed: () => ({ as: facilitator.actor, call: { path: `/aid/needs/${need.id}` }, status: 200 }),
	updateNeed: () => ({
		as: resident.actor,
		call: { method: 'PATCH', path: `/aid/needs/${need.id}`, body: { description: 'Heavy bags' } },
		status: 200
	}),
	withdrawNeed: () => ({ as: resident.actor, call: { method: 'POST', path: `/aid/needs/${toWithdraw.id}/withdraw`, body: {} }, status: 200 }),
	closeNeedAsDuplicate: () => ({
		as: facilitator.actor,
		call: { method: 'POST', path: `/aid/needs/${twice.id}/duplicate`, body: { reason: 'The same as Shopping' } },
		status: 200
	}),
	suggestMatches: () => ({ as: facilitator.actor, call: { path: `/aid/needs/${need.id}/matches?limit=5` }, status: 200 }),
	createOffer: () => ({
		as: volunteer.actor,
		call: {
			method: 'POST',
			path: '/aid/offers',
			body: { personId: volunteer.person.id, category: 'errands', title: 'Shopping with you', areaId: muide.id, windows: API_TUESDAY, capacity: 1 }
		},
		status: 201
	}),
	getOffer: () => ({ as: volunteer.actor, call: { path: `/aid/offers/${offer.id}` }, status: 200 }),
	updateOffer: () => ({ as: volunteer.actor, call: { method: 'PATCH', path: `/aid/offers/${toPause.id}`, body: { status: 'paused' } }, status: 200 }),
	getWeeklyProposal: () => ({ as: facilitator.actor, call: { path: `/aid/weekly?areaId=${muide.id}` }, status: 200 }),
	listLinks: async () => (await proposed(), { as: broker.actor, call: { path: '/aid/links' }, status: 200 }),
	getLink: async () => ({ as: broker.actor, call: { path: `/aid/links/${(await proposed()).id}` }, status: 200 }),
	proposeLink: async () => {
		const n = await createNeed(f, createNeedInput.parse({ personId: (await walkIn()).id, category: 'errands', title: 'Post', areaId: area.id }));
		return { as: broker.actor, call: { method: 'POST', path: '/aid/links', body: { needId: n.id, offerId: linkOffer.id } }, status: 201 };
	},
	respondToLink: async () => ({
		as: helper.actor,
		call: { method: 'POST', path: `/aid/links/${(await proposed()).id}/response`, body: { answer: 'accept' } },
		status: 200
	}),
	completeLink: async () => ({
		as: helper.actor,
		call: { method: 'POST', path: `/aid/links/${(await accepted()).id}/complete`, body: {} },
		status: 200
	}),
	endLink: async () => ({
		as: broker.actor,
		call: { method: 'POST', path: `/aid/links/${(await proposed()).id}/end`, body: { to: 'cancelled', reason: 'Moved away' } },
		status: 200
	}),
	nudgeLink: async () => ({
		as: broker.actor,
		call: { method: 'POST', path: `/aid/links/${(await accepted()).id}/nudge`, body: {} },
		status: 200
	}),
	giveFeedback: async () => {
		const l = await accepted();
		await completeLink(f, { linkId: l.id });
		return { as: helper.actor, call: { method: 'POST', path: `/aid/links/${l.id}/feedback`, body: { rating: 3, comment: 'Fine' } }, status: 200 };
	},
	listMyAid: async () => (await accepted(), { as: helper.actor, call: { path: '/aid/me' }, status: 200 }),
	recordCertificate: async () => ({
		as: broker.actor,
		call: { method: 'POST', path: `/people/${(await walkIn()).id}/certificates`, body: { checkedOn: today, validUntil: addYears(today, 3) } },
		status: 201
	}),
	listCertificates: async () => ({ as: broker.actor, call: { path: `/people/${(await checked()).id}/certificates` }, status: 200 }),
	getCertificate: async () => {
		const p = await walkIn();
		const c = await recordCertificate(f, { personId: p.id, checkedOn: today, validUntil: addYears(today, 1) });
		return { as: broker.actor, call: { path: `/aid/certificates/${c.id}` }, status: 200 };
	},
	listOfficeHours: async () => (await newHour(), { as: admin.actor, call: { path: '/aid/office-hours?limit=5' }, status: 200 }),
	createOfficeHour: () => ({
		as: admin.actor,
		call: {
			method: 'POST',
			path: '/aid/office-hours',
			body: { areaId: area.id, place: 'Buurthuis', day: 2, start: '09:00', end: '12:00', public: true }
		},
		status: 201
	}),
	getOfficeHour: async () => ({ as: admin.actor, call: { path: `/aid/office-hours/${await newHour()}` }, status: 200 }),
	deleteOfficeHour: async () => ({ as: admin.actor, call: { method: 'DELETE', path: `/aid/office-hours/${await newHour()}` }, status: 204 }),
	countVisit: () => ({ as: admin.actor, call: { method: 'POST', path: '/aid/visits', body: { areaId: area.id } }, status: 201 }),
	getVisit: async () => ({ as: admin.actor, call: { path: `/aid/visits/${(await countVisit(staff, { areaId: area.id })).id}` }, status: 200 }),
	setNeighbourhoodBoard: () => ({ as: admin.actor, call: { method: 'POST', path: `/areas/${area.id}/board`, body: { show: true } }, status: 200 }),
	getNeighbourhoodBoard: () => ({ as: anonymous, call: { path: `/areas/${area.code}/board` }, status: 200 }),
	listNeighbourhoodOfficeHours: async () => (await newHour(), { as: anonymous, call: { path: `/areas/${area.code}/office-hours` }, status: 200 }),
	getMutualAidReach: () => ({ as: admin.actor, call: { path: '/aid/reach?from=2025-01-01&to=2025-12-31' }, status: 200 }),
	getActivityReach: () => ({ as: admin.actor, call: { path: '/activities/reach?from=2025-01-01&to=2025-12-31' }, status: 200 }),
	getFieldworkFigures: () => ({ as: admin.actor, call: { path: '/fieldwork/figures?from=2025-01-01&to=2025-12-31' }, status: 200 }),
	createPerson: () => ({
		as: admin.actor,
		call: { method: 'POST', path: '/people', body: { firstName: 'Contract', organisationId: org.id } },
		status: 201
	}),
	listPeople: () => ({ as: admin.actor, call: { path: '/people' }, status: 200 }),
	getPerson: async () => {
		const p = await registerPerson(ctxFor(db, admin.actor), { firstName: 'Read', organisationId: org.id, languages: ['nl'] });
		return { as: admin.actor, call: { path: `/people/${p.id}` }, status: 200 };
	},
	recordConsent: async () => {
		const p = await walkIn();
		return {
			as: broker.actor,
			call: { method: 'POST', path: `/people/${p.id}/consents`, body: { purposeId: await purposeId(linkOrg.id, 'intercultural'), method: 'paper' } },
			status: 201
		};
	},
	withdrawConsent: async () => {
		// The walk-in agreed to be contacted when registered.
		const p = await walkIn();
		return {
			as: broker.actor,
			call: { method: 'POST', path: `/people/${p.id}/consents/${await purposeId(linkOrg.id, 'contact')}/withdraw`, body: { method: 'spoken' } },
			status: 200
		};
	},
	searchPeople: async () => {
		await registerPerson(ctxFor(db, admin.actor), { firstName: 'Céline', lastName: 'Contract', organisationId: org.id, birthYear: 1980 });
		return { as: admin.actor, call: { path: '/people/search?q=celine' }, status: 200 };
	},
	updatePerson: async () => {
		const p = await registerPerson(ctxFor(db, admin.actor), { firstName: 'Fix', organisationId: org.id });
		return { as: admin.actor, call: { method: 'PATCH', path: `/people/${p.id}`, body: { lastName: 'Fixed', preferredChannel: 'sms' } }, status: 200 };
	},
	mergePeople: async () => {
		const [a, b] = [
			await registerPerson(ctxFor(db, admin.actor), { firstName: 'Twice', organisationId: org.id }),
			await registerPerson(ctxFor(db, admin.actor), { firstName: 'Twice', organisationId: org.id })
		];
		return { as: admin.actor, call: { method: 'POST', path: `/people/${a.id}/merge`, body: { into: b.id } }, status: 200 };
	},
	createHousehold: async () => ({
		as: admin.actor,
		call: {
			method: 'POST',
			path: '/households',
			body: { organisationId: org.id, areaId: area.id, name: 'Janssens', members: [{ personId: (await newMember()).id, role: 'child' }] }
		},
		status: 201
	}),
	getHousehold: async () => ({ as: admin.actor, call: { path: `/households/${(await newHousehold()).id}` }, status: 200 }),
	addHouseholdMember: async () => ({
		as: admin.actor,
		call: { method: 'POST', path: `/households/${(await newHousehold()).id}/members`, body: { personId: (await newMember()).id, role: 'child' } },
		status: 200
	}),
	endHouseholdMember: async () => {
		const h = await newHousehold();
		const [m] = (await apiCall(admin.actor, { path: `/households/${h.id}` })).body.members as Array<{ id: string }>;
		return { as: admin.actor, call: { method: 'POST', path: `/households/${h.id}/members/${m!.id}/end`, body: {} }, status: 200 };
	},
	createOrganisation: () => ({
		as: admin.actor,
		call: {
			method: 'POST',
			path: '/partners',
			body: { organisationId: org.id, name: 'Repair café', kind: 'association', website: 'https://repair.example', themes: ['leisure'] }
		},
		status: 201
	}),
	listOrganisations: async () => (await newPartner(), { as: admin.actor, call: { path: '/partners?theme=income' }, status: 200 }),
	getOrganisation: async () => ({ as: admin.actor, call: { path: `/partners/${(await newPartner()).id}` }, status: 200 }),
	updateOrganisation: async () => ({
		as: admin.actor,
		call: { method: 'PUT', path: `/partners/${(await newPartner()).id}`, body: { name: 'OCMW Gent-Noord', kind: 'welfare', areaIds: [area.id] } },
		status: 200
	}),
	createRelationship: async () => ({
		as: admin.actor,
		call: {
			method: 'POST',
			path: '/relationships',
			body: {
				type: 'contact_person_at',
				fromKind: 'person',
				fromId: (await newMember()).id,
				toKind: 'partner',
				toId: (await newPartner()).id,
				role: 'nurse'
			}
		},
		status: 201
	}),
	listRelationships: async () => {
		const p = await newMember();
		await createRelationship(staff, {
			type: 'contact_person_at',
			fromKind: 'person',
			fromId: p.id,
			toKind: 'partner',
			toId: (await newPartner()).id
		});
		return { as: admin.actor, call: { path: `/relationships?kind=person&id=${p.id}` }, status: 200 };
	},
	endRelationship: async () => {
		const t = await createRelationship(staff, {
			type: 'knows',
			fromKind: 'person',
			fromId: (await newMember()).id,
			toKind: 'person',
			toId: (await newMember()).id
		});
		return { as: admin.actor, call: { method: 'POST', path: `/relationships/${t.id}/end`, body: {} }, status: 200 };
	},
	getNetwork: async () => {
		await registerPerson(ctxFor(db, admin.actor), { firstName: 'Mapped', organisationId: org.id, areaId: area.id });
		return { as: admin.actor, call: { path: `/network?area=${area.id}&names=1` }, status: 200 };
	},
	// A person's rights (part G): a walk-in with a need, exported; another erased.
	exportPerson: async () => {
		const p = await walkIn();
		await createNeed(f, createNeedInput.parse({ personId: p.id, category: 'errands', title: 'Shopping', areaId: area.id }));
		return { as: admin.actor, call: { path: `/people/${p.id}/export` }, status: 200 };
	},
	// Fieldwork II, part B: questions and referrals, by the facilitator of Muide.
	createQuestion: async () => ({
		as: facilitator.actor,
		call: { method: 'POST', path: '/questions', body: { personId: (await muidePerson()).id, title: 'Energiefactuur', theme: 'income' } },
		status: 201
	}),
	updateQuestion: async () => {
		const q = await createQuestion(ctxFor(db, facilitator.actor), { personId: (await muidePerson()).id, title: 'Huur', theme: 'housing' });
		return { as: facilitator.actor, call: { method: 'PATCH', path: `/questions/${q.id}`, body: { status: 'answered' } }, status: 200 };
	},
	getQuestion: async () => {
		const q = await createQuestion(ctxFor(db, facilitator.actor), {
			personId: (await muidePerson()).id,
			title: 'Lezen',
			theme: 'income',
			dueOn: '2026-12-24'
		});
		return { as: facilitator.actor, call: { path: `/questions/${q.id}` }, status: 200 };
	},
	getReferral: async () => {
		const r = await createReferral(ctxFor(db, facilitator.actor), {
			personId: (await muidePerson()).id,
			partnerId: (await newPartner()).id,
			overrideReason: 'Acute nood'
		});
		return { as: facilitator.actor, call: { path: `/referrals/${r.id}` }, status: 200 };
	},
	createReferral: async () => ({
		as: facilitator.actor,
		call: {
			method: 'POST',
			path: '/referrals',
			body: { personId: (await muidePerson()).id, partnerId: (await newPartner()).id, overrideReason: 'Acute nood' }
		},
		status: 201
	}),
	updateReferral: async () => {
		const r = await createReferral(ctxFor(db, facilitator.actor), {
			personId: (await muidePerson()).id,
			partnerId: (await newPartner()).id,
			overrideReason: 'Acute nood'
		});
		return { as: facilitator.actor, call: { method: 'PATCH', path: `/referrals/${r.id}`, body: { status: 'accepted' } }, status: 200 };
	},
	erasePerson: async () => ({
		as: admin.actor,
		call: { method: 'POST', path: `/people/${(await walkIn()).id}/erase`, body: { reason: 'Asked at the office hour' } },
		status: 200
	}),
	// The contact log (fieldwork II, part A): the facilitator of Muide logs and reads a home visit.
	logContact: () => ({
		as: facilitator.actor,
		call: {
			method: 'POST',
			path: '/contacts',
			body: { organisationId: org.id, areaId: muide.id, type: 'street', durationMinutes: 20, themes: ['leisure'], anonymousCount: 4 }
		},
		status: 201
	}),
	listContacts: async () => (await newContact(), { as: facilitator.actor, call: { path: '/contacts?limit=1&type=home_visit' }, status: 200 }),
	getContact: async () => ({ as: facilitator.actor, call: { path: `/contacts/${(await newContact()).id}` }, status: 200 }),
	// Signals (fieldwork part C): contacts inserted as rows (logContact is another part's verb).
	createSignal: () => ({
		as: admin.actor,
		call: {
			method: 'POST',
			path: '/signals',
			body: { organisationId: org.id, areaId: area.id, theme: 'income', title: 'Online only', description: 'Seen often' }
		},
		status: 201
	}),
	listSignals: async () => {
		await newSignal();
		return { as: admin.actor, call: { path: '/signals?theme=income' }, status: 200 };
	},
	getSignal: async () => {
		const s = await newSignal();
		await linkSignalEvidence(staff, { id: s.id, contactIds: [await areaContact()] });
		return { as: admin.actor, call: { path: `/signals/${s.id}` }, status: 200 };
	},
	updateSignal: async () => ({
		as: admin.actor,
		call: { method: 'PATCH', path: `/signals/${(await newSignal()).id}`, body: { title: 'Renamed' } },
		status: 200
	}),
	linkSignalEvidence: async () => ({
		as: admin.actor,
		call: { method: 'POST', path: `/signals/${(await newSignal()).id}/evidence`, body: { contactIds: [await areaContact()] } },
		status: 200
	}),
	unlinkSignalEvidence: async () => {
		const s = await newSignal();
		await linkSignalEvidence(staff, { id: s.id, contactIds: [await areaContact()] });
		const [e] = await db.select().from(fieldworkSignalEvidence).where(eq(fieldworkSignalEvidence.signalId, s.id));
		return { as: admin.actor, call: { method: 'DELETE', path: `/signals/${s.id}/evidence/${e!.id}` }, status: 204 };
	},
	// The anonymised export (part X): a file, not JSON.
	exportSignals: async () => {
		const s = await newSignal();
		await linkSignalEvidence(staff, { id: s.id, contactIds: [await areaContact()] });
		return { as: admin.actor, call: { path: `/signals/export?format=docx&id=${s.id}` }, status: 200, type: 'wordprocessingml.document' };
	},
	// Activities (issue 15, part activities): a weekly series in Muide.
	createActivity: () => ({ as: facilitator.actor, call: { method: 'POST', path: '/activities', body: activityBody }, status: 201 }),
	listActivities: async () => (await newActivity(), { as: facilitator.actor, call: { path: '/activities?limit=1&kind=recurring' }, status: 200 }),
	updateActivity: async () => {
		const { organisationId: _o, areaId: _a, kind: _k, ...fields } = activityBody;
		const { id } = await newActivity();
		return { as: facilitator.actor, call: { method: 'PUT', path: `/activities/${id}`, body: { ...fields, startTime: '15:00' } }, status: 200 };
	},
	createSession: async () => ({
		as: facilitator.actor,
		call: {
			method: 'POST',
			path: `/activities/${(await newActivity()).id}/sessions`,
			body: { day: addYears(today, 1), startTime: '10:00', endTime: '12:00' }
		},
		status: 201
	}),
	registerForActivity: async () => ({
		as: facilitator.actor,
		call: { method: 'POST', path: `/activities/${(await newActivity()).id}/registrations`, body: { personId: (await muidePerson()).id } },
		status: 201
	}),
	// Attendance (issue 15): a session's whole list, set at once.
	recordAttendance: async () => {
		const activity = await makeActivity(db, { organisationId: org.id, areaId: area.id });
		const session = await makeSession(db, activity);
		const body = { personIds: [(await newMember()).id], anonymousCount: 2 };
		return { as: admin.actor, call: { method: 'PUT', path: `/activities/${activity.id}/sessions/${session.id}/attendance`, body }, status: 200 };
	},
	// Indicators (issue 15, the indicators part).
	defineIndicator: () => ({
		as: admin.actor,
		call: { method: 'POST', path: '/indicators', body: indicatorBody('participants_per_month') },
		status: 201
	}),
	listIndicators: async () => (await newIndicator('participants_per_month'), { as: admin.actor, call: { path: '/indicators' }, status: 200 }),
	getIndicatorValues: async () => ({
		as: admin.actor,
		call: { path: `/indicators/${await newIndicator('participants_per_month')}/values` },
		status: 200
	}),
	recordIndicatorValue: async () => ({
		as: admin.actor,
		call: {
			method: 'POST',
			path: `/indicators/${await newIndicator('manual')}/values`,
			body: { periodStart: '2026-01-01', value: 12, note: 'Contract' }
		},
		status: 200
	}),
	// Funding (issue 16), part calls: an officer's programme and calls; a published call is public.
	createProgramme: () => ({
		as: officer.actor,
		call: { method: 'POST', path: '/funding/programmes', body: { organisationId: org.id, name: 'Buurtbudget' } },
		status: 201
	}),
	createCall: async () => ({
		as: officer.actor,
		call: { method: 'POST', path: `/funding/programmes/${await newProgramme()}/calls`, body: { template: 'participatory', locale: 'fr' } },
		status: 201
	}),
	listCalls: async () => (await publishedCall(), { as: anonymous, call: { path: '/funding/calls' }, status: 200 }),
	getCall: async () => ({ as: anonymous, call: { path: `/funding/calls/${await publishedCall()}` }, status: 200 }),
	createApplication: async () => ({
		as: await newApplicant(),
		call: { method: 'POST', path: `/funding/calls/${appCall}/applications`, body: { applicantKind: 'city', applicantName: 'Stad Gent' } },
		status: 201
	}),
	getApplication: async () => {
		const { as, id } = await newApplication();
		return { as, call: { path: `/funding/applications/${id}` }, status: 200 };
	},
	updateApplication: async () => {
		const { as, id } = await newApplication();
		return { as, call: { method: 'PUT', path: `/funding/applications/${id}`, body: { version: 1, body: appBody() } }, status: 200 };
	},
	validateApplication: async () => ({
		as: await newApplicant(),
		call: { method: 'POST', path: `/funding/calls/${appCall}/validate`, body: { applicantKind: 'association', body: appBody() } },
		status: 200
	}),
	submitApplication: async () => {
		const { as, id } = await newApplication();
		await updateApplication(ctxFor(db, as), { id, version: 1, body: appBody() });
		return { as, call: { method: 'POST', path: `/funding/applications/${id}/submit`, body: { version: 2 } }, status: 200 };
	},

	// Funding, part grant follow-up: the applicant reads the budget; the officer plans, pays, records.
	getProjectBudget: () => ({ as: grantee.actor, call: { path: `/funding/projects/${projectId}/budget` }, status: 200 }),
	planTranche: () => ({
		as: officer.actor,
		call: {
			method: 'POST',
			path: `/funding/projects/${projectId}/tranches`,
			body: { plannedOn: '2027-06-01', amountCents: 100_000, condition: 'Jaarverslag' }
		},
		status: 201
	}),
	recordTranche: async () => ({
		as: officer.actor,
		call: { method: 'POST', path: `/funding/tranches/${await unpaidTranche()}/payment`, body: { paidOn: '2026-12-01', paidCents: 3_500_000 } },
		status: 200
	}),
	recordExpense: () => ({
		as: officer.actor,
		call: {
			method: 'POST',
			path: `/funding/projects/${projectId}/expenses`,
			body: { lineId: 'operations-2', year: 2, spentOn: '2026-12-01', amountCents: 12_345, supplier: 'Drukkerij', description: 'Affiches' }
		},
		status: 201
	}),

	// Funding, part review: a juror declares a conflict and scores; the officer decides.
	declareConflict: async () => ({
		as: juror.actor,
		call: { method: 'POST', path: `/funding/applications/${await inReview()}/conflict`, body: { reason: 'My neighbour runs it' } },
		status: 201
	}),
	scoreApplication: async () => ({
		as: juror.actor,
		call: {
			method: 'PUT',
			path: `/funding/applications/${await inReview()}/review`,
			body: { scores: [{ criterion: 'relevance', score: 7, comment: 'Clear need' }], motivation: '', final: false }
		},
		status: 200
	}),
	decideApplication: async () => ({
		as: officer.actor,
		call: {
			method: 'POST',
			path: `/funding/applications/${await inReview()}/decision`,
			body: { decision: 'granted', grantedCents: 400_000, reason: 'A smaller budget for plants' }
		},
		status: 200
	})
};

const doc = openApiDocument('http://localhost');

describe('the API contract', () => {
	it('has one sample call for every declared operation', () => {
		expect(Object.keys(SAMPLES).sort()).toEqual(OPERATIONS.map((o) => o.operationId).sort());
	});

	it('documents every declared operation at its method and path', () => {
		for (const op of OPERATIONS) expect(doc.paths[op.path]?.[op.method], op.operationId).toBeDefined();
		expect(
			documented()
				.filter((d) => !OPERATIONS.some((o) => o.operationId === d.operationId))
				.map((d) => d.operationId)
		).toEqual([]);
	});

	for (const op of OPERATIONS) {
		it(`${op.operationId}: answers as documented, with no field the document does not name`, async () => {
			const sample = await SAMPLES[op.operationId]!();
			const res = await apiCall(sample.as, sample.call);
			expect(res.status, res.text).toBe(sample.status);
			if (op.response && res.status < 300) expect(op.response.parse(res.body)).toEqual(res.body);
			if (op.file) {
				expect(res.headers.get('content-type')).toContain(sample.type);
				expect(Object.values(op.file.types).some((t) => res.headers.get('content-type')!.startsWith(t))).toBe(true);
				expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[\w.-]+"$/);
				expect(res.bytes.length).toBeGreaterThan(100);
			}
		});
	}
});
