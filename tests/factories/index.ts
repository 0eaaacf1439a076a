import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/lib/server/db/client.ts';
import type { Ctx } from '../../src/lib/server/core/context.ts';
import { createUser } from '../../src/lib/server/seed/demo.ts';
import { loadActor, type Role } from '../../src/lib/server/access/index.ts';
import { accessRoleGrant } from '../../src/lib/server/access/schema.ts';
import { peopleOrganisation } from '../../src/lib/server/people/schema.ts';
import { areasArea } from '../../src/lib/server/areas/schema.ts';

const suffix = () => randomBytes(4).toString('hex');

export async function makeOrganisation(db: Db, name = `Org ${suffix()}`) {
	const [org] = await db.insert(peopleOrganisation).values({ name, kind: 'association', lawfulBasis: 'consent' }).returning();
	return org!;
}

export async function makeArea(db: Db, name = `Wijk ${suffix()}`) {
	const [area] = await db
		.insert(areasArea)
		.values({ name, city: 'Gent', code: `t-${suffix()}` })
		.returning();
	return area!;
}

/** A signed-in actor with `role` in `organisationId` (and optionally one area), built like a real account. */
export async function makeActor(db: Db, role: Role | null, opts: { organisationId?: string; areaId?: string | null; password?: string } = {}) {
	const email = `${role ?? 'nobody'}-${suffix()}@example.test`;
	const { user, person } = await createUser(db, { email, name: role ?? 'Nobody', password: opts.password ?? 'correct horse battery' });
	if (role) {
		const organisationId = opts.organisationId ?? (await makeOrganisation(db)).id;
		await db.insert(accessRoleGrant).values({ personId: person.id, role, organisationId, areaId: opts.areaId ?? null });
	}
	const actor = await loadActor(db, user.id);
	return { actor: actor!, user, person, email };
}

export const ctxFor = (db: Db, actor: Ctx['actor']): Ctx => ({ db, actor });
