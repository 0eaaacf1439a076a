import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client.ts';
import { accessRoleGrant } from '../../src/lib/server/access/schema.ts';
import { authUser } from '../../src/lib/server/auth/schema.ts';
import { peopleOrganisation } from '../../src/lib/server/people/schema.ts';
import { createUser, DEMO_PASSWORD } from '../../src/lib/server/seed/demo.ts';

// The second-factor journey's coordinators, one per browser project (each enrols once, which changes
// how it signs in). The e2e server runs like the demo, TWO_FACTOR=optional; these accounts are held to
// the gate anyway (`two_factor_required`), so the journey meets it while every other spec's staff
// accounts read people's records without enrolling.
export const twoFactorEmail = (project: string) => `two-factor-${project}@example.org`;
export const TWO_FACTOR_PROJECTS = ['desktop', 'phone-no-js'] as const;

export async function seedTwoFactor(db: Db) {
	const [org] = await db.select().from(peopleOrganisation).where(eq(peopleOrganisation.name, 'Stad Gent — Buurtwerk'));
	if (!org) throw new Error('seedTwoFactor: the demo data is not there');
	for (const project of TWO_FACTOR_PROJECTS) {
		const { user, person } = await createUser(db, { email: twoFactorEmail(project), name: 'Hanne', password: DEMO_PASSWORD });
		await db.update(authUser).set({ twoFactorRequired: true }).where(eq(authUser.id, user.id));
		await db.insert(accessRoleGrant).values({ personId: person.id, role: 'coordinator', organisationId: org.id, areaId: null });
	}
}
