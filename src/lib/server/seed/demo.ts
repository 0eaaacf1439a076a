import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { hashPassword } from 'better-auth/crypto';
import type { Db } from '../db/index.ts';
import { authAccount, authUser } from '../auth/index.ts';
import { peopleOrganisation, peoplePerson, seedConsent } from '../people/index.ts';
import { areasArea, areasPlace } from '../areas/index.ts';
import { accessRoleGrant } from '../access/index.ts';
import { ROLES, type Role } from '../access/index.ts';
import { getSetting, setSetting } from '../core/index.ts';
import { seedDemoAid } from './demo-aid.ts';
import { seedDemoNetwork } from './demo-network.ts';
import { seedDemoActivities } from './activities.ts';
import { seedDemoFieldwork } from './fieldwork.ts';
import { seedDemoFunding } from './funding.ts';
import { DEMO_APPLICANTS, seedDemoApplications } from './funding-applications.ts';
import { seedDemoProject } from './funding-projects.ts';
import wijken from './gent-wijken.json' with { type: 'json' };

export const DEMO_PASSWORD = 'wijkweb-demo';
export const demoEmail = (role: Role) => `${role}@example.org`;

const DEMO_NAMES: Record<Role, string> = {
	resident: 'Mariam',
	volunteer: 'Lotte',
	facilitator: 'Youssef',
	outreach: 'Kenan',
	coordinator: 'Els',
	officer: 'Pieter',
	jury: 'Annick',
	expert: 'Bram',
	admin: 'Admin'
};

/** An account with a verified address and a person record, as sign-up plus confirmation would make it. */
export async function createUser(db: Db, input: { email: string; name: string; password: string; locale?: string }) {
	const id = randomUUID();
	const [user] = await db
		.insert(authUser)
		.values({ id, email: input.email, name: input.name, emailVerified: true, locale: input.locale ?? null })
		.returning();
	await db.insert(authAccount).values({
		id: randomUUID(),
		accountId: id,
		providerId: 'credential',
		userId: id,
		password: await hashPassword(input.password)
	});
	const [person] = await db.insert(peoplePerson).values({ firstName: input.name, email: input.email, userId: id }).returning();
	return { user: user!, person: person! };
}

/**
 * The demo city: two real Ghent neighbourhoods, the city's community-work team, a neighbourhood house,
 * one account per role and two people registered at office hours. Runs once (a setting remembers it).
 */
export async function seedDemo(db: Db, log: (m: string) => void = () => {}): Promise<boolean> {
	if (await getSetting(db, 'demo_seeded')) return false;
	const areas = [];
	for (const w of wijken.features) {
		const [area] = await db
			.insert(areasArea)
			.values({ name: w.name, city: 'Gent', code: `gent-${w.wijknr}`, boundary: w.geometry, source: wijken.attribution })
			.onConflictDoNothing()
			.returning();
		if (area) areas.push(area);
	}
	const [rabot, sluizeken] = areas;
	const [org] = await db
		.insert(peopleOrganisation)
		.values({ name: 'Stad Gent — Buurtwerk', kind: 'city', lawfulBasis: 'public_task' })
		.onConflictDoNothing()
		.returning();
	if (!org || !rabot || !sluizeken) throw new Error('The demo data is partly there already; use a fresh database.');
	const [house] = await db
		.insert(areasPlace)
		.values({
			areaId: rabot.id,
			organisationId: org.id,
			name: 'Wijkhuis Rabot',
			kind: 'neighbourhood_house',
			address: 'Rabotstraat 1, 9000 Gent'
		})
		.returning();
	const people: Partial<Record<Role, string>> = {};
	const users: Partial<Record<Role, string>> = {};
	for (const role of ROLES) {
		const { user, person } = await createUser(db, { email: demoEmail(role), name: DEMO_NAMES[role], password: DEMO_PASSWORD });
		// Field roles work in Rabot; city-wide roles cover the whole organisation.
		const areaBound = ['resident', 'volunteer', 'facilitator', 'outreach'].includes(role);
		people[role] = person.id;
		users[role] = user.id;
		await db.insert(accessRoleGrant).values({ personId: person.id, role, organisationId: org.id, areaId: areaBound ? rabot.id : null });
		await db
			.update(peoplePerson)
			.set({ organisationId: org.id, areaId: areaBound ? rabot.id : null })
			.where(eq(peoplePerson.id, person.id));
	}
	await db.insert(peoplePerson).values([
		{ firstName: 'Georgi', organisationId: org.id, areaId: rabot.id, phone: '+32 470 00 00 01' },
		{ firstName: 'Fatma', lastName: 'Y.', organisationId: org.id, areaId: sluizeken.id }
	]);
	// Georgi agreed to be contacted; Fatma did not (help never depends on it).
	const [georgi] = await db
		.select({ id: peoplePerson.id })
		.from(peoplePerson)
		.where(and(eq(peoplePerson.firstName, 'Georgi'), eq(peoplePerson.organisationId, org.id)));
	await seedConsent(db, [georgi!.id], 'contact');
	await seedDemoAid(db, org.id, rabot, sluizeken, { volunteer: people.volunteer!, resident: people.resident! });
	await seedDemoNetwork(db, org.id, rabot, sluizeken, { facilitator: people.facilitator!, outreach: people.outreach! });
	await seedDemoFieldwork(db, org.id, rabot, { facilitator: users.facilitator!, outreach: users.outreach!, coordinator: users.coordinator! });
	await seedDemoActivities(db, org.id, rabot, house!.id, { facilitator: users.facilitator!, coordinator: users.coordinator! });
	const funding = await seedDemoFunding(db, org.id, users.officer!);
	const applicants = [];
	for (const a of DEMO_APPLICANTS) {
		const { user } = await createUser(db, { email: a.email, name: a.name, password: DEMO_PASSWORD });
		applicants.push({ userId: user.id, name: a.name, kind: a.kind });
	}
	await seedDemoApplications(db, org.id, funding.calls, applicants, users.officer!);
	await seedDemoProject(db, org.id, { officer: users.officer!, applicant: applicants.at(-1)!.userId });
	await setSetting(db, 'demo_seeded', new Date().toISOString());
	log(`Demo data created: ${ROLES.length} accounts (<role>@example.org / ${DEMO_PASSWORD}).`);
	return true;
}
