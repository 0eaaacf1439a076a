import { describe, expect, it } from 'vitest';
import { freshAppDatabase } from './db.ts';
import { formPost } from '../factories/page.ts';
import { makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { aidLink, aidNeed, aidOffer } from '../../src/lib/server/aid/schema.ts';
import { peoplePerson } from '../../src/lib/server/people/schema.ts';
import type { Reach } from '../../src/lib/server/aid/index.ts';

// The coordinator's page without a period in its address: the 12 whole months ending with the current
// one, so the links made today are counted (the default ended last month before).

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const area = await makeArea(db);
const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id });

const belgianToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());

for (let i = 0; i < 5; i++) {
	const [a, b] = await db
		.insert(peoplePerson)
		.values([
			{ firstName: `Need ${i}`, organisationId: org.id },
			{ firstName: `Offer ${i}`, organisationId: org.id }
		])
		.returning();
	const [need] = await db
		.insert(aidNeed)
		.values({ personId: a!.id, category: 'errands', title: 'Need', organisationId: org.id, areaId: area.id })
		.returning();
	const [offer] = await db
		.insert(aidOffer)
		.values({ personId: b!.id, category: 'errands', title: 'Offer', capacity: 5, organisationId: org.id, areaId: area.id })
		.returning();
	const now = Date.now();
	await db.insert(aidLink).values({
		needId: need!.id,
		offerId: offer!.id,
		organisationId: org.id,
		areaId: area.id,
		status: 'took_place',
		needAcceptedAt: new Date(now - 120_000),
		offerAcceptedAt: new Date(now - 60_000),
		tookPlaceAt: new Date(now - 30_000)
	});
}

describe('the reach page by default', () => {
	it('covers the 12 whole months up to the end of this month, and counts what happened today', async () => {
		const { load } = await import('../../src/routes/(work)/aid/reach/+page.server.ts');
		const data = (await load(formPost('/aid/reach', coordinator, {}))) as { reach: Reach; values: { from: string; to: string } };
		const today = belgianToday();
		const [y, m] = today.split('-').map(Number) as [number, number];
		const lastDay = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
		const first = new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 10);
		expect(data.reach.period).toEqual({ from: first, to: lastDay });
		expect(data.reach.monthly).toHaveLength(12);
		expect(data.reach.monthly.at(-1)!.month).toBe(today.slice(0, 7));
		expect(data.reach.figures.linksMade).toEqual({ value: 5, suppressed: false });
		expect(data.reach.figures.linksCompleted).toEqual({ value: 5, suppressed: false });
	});
});
