import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { authUser } from '../../src/lib/server/auth/schema.ts';
import { loadActor, mayTurnOffSecondFactor, twoFactorSetting } from '../../src/lib/server/access/index.ts';
import { getPerson, registerPerson } from '../../src/lib/server/people/index.ts';
import { AppError } from '../../src/lib/server/core/errors.ts';

// TWO_FACTOR=optional, as in the demo and the e2e server (and vite.config.ts's test env): staff read
// without a second factor, unless their own account is held to it.

const { db } = await freshDatabase();
const org = await makeOrganisation(db);
const area = await makeArea(db);
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const held = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
await db.update(authUser).set({ twoFactorRequired: true }).where(eq(authUser.id, held.user.id));
const person = await registerPerson(ctxFor(db, facilitator.actor), { firstName: 'Yusuf', organisationId: org.id, areaId: area.id });

describe('the second-factor gate (TWO_FACTOR=optional)', () => {
	it('is read as optional here', () => {
		expect(twoFactorSetting()).toBe('optional');
	});

	it('lets staff without a second factor read, and turn theirs off again', async () => {
		expect((await getPerson(ctxFor(db, facilitator.actor), { id: person.id })).firstName).toBe('Yusuf');
		expect(mayTurnOffSecondFactor({ ...facilitator.actor, secondFactor: true })).toBe(true);
	});

	it('still gates an account held to it (two_factor_required), loaded with the actor', async () => {
		const actor = (await loadActor(db, held.user.id))!;
		expect(actor.secondFactorRequired).toBe(true);
		const e = await getPerson(ctxFor(db, actor), { id: person.id }).catch((x: unknown) => x);
		expect(e instanceof AppError && e.key).toBe('access_error_second_factor_required');
		expect(mayTurnOffSecondFactor({ ...actor, secondFactor: true })).toBe(false);
	});
});
