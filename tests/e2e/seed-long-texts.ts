import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client.ts';
import { areasArea } from '../../src/lib/server/areas/schema.ts';
import { accessRoleGrant } from '../../src/lib/server/access/schema.ts';
import { aidLink, aidNeed, aidOffer } from '../../src/lib/server/aid/schema.ts';
import { peopleOrganisation, peoplePerson } from '../../src/lib/server/people/schema.ts';
import { authUser } from '../../src/lib/server/auth/schema.ts';
import { createUser, DEMO_PASSWORD } from '../../src/lib/server/seed/demo.ts';
import { seedConsent } from '../../src/lib/server/people/index.ts';
import {
	E2E_APPLICANTS,
	E2E_COEDITORS,
	E2E_FORGOT,
	E2E_JUROR,
	E2E_OWNERS,
	E2E_RESIDENT,
	E2E_SWITCHER,
	LOCALES,
	LONG_HELPER,
	LONG_NEEDS,
	RESIDENT_NEEDS,
	VOLUNTEER_OFFER
} from './long-texts.ts';

// The browser tests' own data, added to the demo by their server (scripts/e2e-server.ts) and never
// to a demo someone starts: the long texts of long-texts.ts in Rabot, with links that show contact
// details and ask for feedback, and an account of their own (E2E_RESIDENT).

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
// Inside Rabot - Blaisantvest, so the contact details come with the place on the neighbourhood map.
const IN_RABOT = { lat: 51.0635, lon: 3.712 };

export async function seedLongTexts(db: Db) {
	const [rabot] = await db.select().from(areasArea).where(eq(areasArea.code, 'gent-7'));
	const [org] = await db.select().from(peopleOrganisation).where(eq(peopleOrganisation.name, 'Stad Gent — Buurtwerk'));
	if (!rabot || !org) throw new Error('seedLongTexts: the demo data is not there');
	const idOf = async (email: string) => {
		const [row] = await db
			.select({ id: peoplePerson.id })
			.from(peoplePerson)
			.innerJoin(authUser, eq(authUser.id, peoplePerson.userId))
			.where(eq(authUser.email, email));
		return row!.id;
	};
	const resident = await idOf('resident@example.org');
	const volunteer = await idOf('volunteer@example.org');
	const inRabot = { organisationId: org.id, areaId: rabot.id };
	const person = async (p: { firstName: string; lastName: string; phone: string; email: string }, languages: string[]) => {
		const [row] = await db
			.insert(peoplePerson)
			.values({ ...p, ...inRabot, languages })
			.returning({ id: peoplePerson.id });
		// They agreed to be contacted (the purpose 'contact').
		await seedConsent(db, [row!.id], 'contact');
		return row!.id;
	};

	for (const l of LOCALES) {
		const n = LONG_NEEDS[l];
		const personId = await person(n.person, [l]);
		await db.insert(aidNeed).values({
			id: n.id,
			personId,
			...inRabot,
			category: n.category,
			title: n.title,
			description: n.description,
			windows: [{ day: 3, start: 14 * 60, end: 17 * 60 }],
			languages: [l],
			frequency: 'weekly',
			status: l === 'ar' ? 'matched' : 'open',
			assisted: true,
			createdAt: ago(5),
			updatedAt: ago(5)
		});
	}

	const helper = await person(LONG_HELPER, ['bg', 'nl']);
	const [helperOffer] = await db
		.insert(aidOffer)
		.values({
			personId: helper,
			...inRabot,
			category: 'paperwork',
			title: LONG_HELPER.title,
			description: LONG_HELPER.description,
			...IN_RABOT,
			windows: [{ day: 3, start: 13 * 60, end: 18 * 60 }],
			capacity: 3,
			languages: ['bg', 'nl'],
			assisted: true
		})
		.returning({ id: aidOffer.id });
	const [volunteerOffer] = await db
		.insert(aidOffer)
		.values({
			personId: volunteer,
			...inRabot,
			category: 'paperwork',
			...VOLUNTEER_OFFER,
			windows: [{ day: 3, start: 14 * 60, end: 17 * 60 }],
			capacity: 2
		})
		.returning({ id: aidOffer.id });

	const residentNeed = async (need: { title: string; description: string }, status: 'matched') =>
		(
			await db
				.insert(aidNeed)
				.values({ personId: resident, ...inRabot, category: 'paperwork', ...need, ...IN_RABOT, status, createdAt: ago(12), updatedAt: ago(12) })
				.returning({ id: aidNeed.id })
		)[0]!.id;
	const accepted = { needAcceptedAt: ago(8), offerAcceptedAt: ago(7), changedAt: ago(7), createdAt: ago(9), score: 40 };
	await db.insert(aidLink).values([
		{ needId: await residentNeed(RESIDENT_NEEDS.accepted, 'matched'), offerId: helperOffer!.id, ...inRabot, status: 'accepted', ...accepted },
		{
			needId: await residentNeed(RESIDENT_NEEDS.tookPlace, 'matched'),
			offerId: helperOffer!.id,
			...inRabot,
			status: 'took_place',
			...accepted,
			tookPlaceAt: ago(2),
			changedAt: ago(2)
		},
		{ needId: LONG_NEEDS.ar.id, offerId: volunteerOffer!.id, ...inRabot, status: 'accepted', ...accepted }
	]);
	await db
		.update(aidOffer)
		.set({ activeLinks: sql`2` })
		.where(eq(aidOffer.id, helperOffer!.id));
	await db
		.update(aidOffer)
		.set({ activeLinks: sql`1` })
		.where(eq(aidOffer.id, volunteerOffer!.id));

	// Accounts of their own: drafts and answers, (E2E_SWITCHER) a language stored by the switcher, and
	// (E2E_FORGOT) a password changed through the mailed link.
	for (const [email, name] of [
		[E2E_RESIDENT, 'Nadia'],
		[E2E_SWITCHER, 'Selin'],
		[E2E_FORGOT, 'Jonas']
	] as const) {
		const { person: own } = await createUser(db, { email, name, password: DEMO_PASSWORD });
		await db.update(peoplePerson).set(inRabot).where(eq(peoplePerson.id, own.id));
		await db.insert(accessRoleGrant).values({ personId: own.id, role: 'resident', ...inRabot });
	}
	// Applicants for funding: accounts with no role at all, as an association's secretary has.
	for (const email of Object.values(E2E_APPLICANTS)) await createUser(db, { email, name: 'Buurtwerk Rabot vzw', password: DEMO_PASSWORD });
	for (const email of [...Object.values(E2E_OWNERS), ...Object.values(E2E_COEDITORS)])
		await createUser(db, { email, name: email.split('@')[0]!, password: DEMO_PASSWORD });
	const { person: juror } = await createUser(db, { email: E2E_JUROR, name: 'Wout', password: DEMO_PASSWORD });
	await db.insert(accessRoleGrant).values({ personId: juror.id, role: 'jury', organisationId: org.id, areaId: null });
}
