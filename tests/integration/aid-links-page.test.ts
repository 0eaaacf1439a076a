import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { formPost, outcome } from '../factories/page.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { createNeed, createNeedInput, createOffer, createOfferInput } from '../../src/lib/server/aid/index.ts';
import { registerPerson, registerPersonInput } from '../../src/lib/server/people/index.ts';
import { aidLink } from '../../src/lib/server/aid/schema.ts';

// The links page shows one page of links and a way to the next: a list is never cut silently.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const area = await makeArea(db, 'Rabot');
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
const f = ctxFor(db, facilitator.actor);

const senior = await registerPerson(
	f,
	registerPersonInput.parse({ firstName: 'Georgi', organisationId: org.id, areaId: area.id, contactConsent: 'on' })
);
const need = await createNeed(f, createNeedInput.parse({ personId: senior.id, category: 'errands', title: 'Shopping', areaId: area.id }));
const offer = await createOffer(
	ctxFor(db, volunteer.actor),
	createOfferInput.parse({ personId: volunteer.person.id, category: 'errands', title: 'Errands', areaId: area.id, capacity: 1 })
);
// More closed links than a page holds, one changed each minute (ended ones may repeat a pair).
const MORE_THAN_A_PAGE = 101;
await db.insert(aidLink).values(
	Array.from({ length: MORE_THAN_A_PAGE }, (_, i) => ({
		needId: need.id,
		offerId: offer.id,
		organisationId: org.id,
		areaId: area.id,
		score: 50,
		reasons: [],
		status: 'closed' as const,
		changedAt: sql`now() - make_interval(mins => ${i})`
	}))
);

type Listed = { links: Array<{ id: string }>; nextCursor: string | null };
const load = async (query: string) => {
	const { load } = await import('../../src/routes/(work)/aid/links/+page.server.ts');
	return outcome(load(formPost(`/aid/links${query}`, facilitator, {})));
};

describe('the links page', () => {
	it('shows the first page and the way to the next; the next page has the rest, without repeats', async () => {
		const first = (await load('')) as Listed;
		expect(first.links).toHaveLength(100);
		expect(first.nextCursor).toEqual(expect.any(String));
		const next = (await load(`?cursor=${first.nextCursor}`)) as Listed;
		expect(next.links).toHaveLength(MORE_THAN_A_PAGE - 100);
		expect(next.nextCursor).toBeNull();
		expect(new Set([...first.links, ...next.links].map((l) => l.id)).size).toBe(MORE_THAN_A_PAGE);
	});

	it('answers a cursor that is not its own with a 422 page, not a 500', async () => {
		expect(await load('?cursor=nonsense')).toMatchObject({ status: 422 });
	});
});
