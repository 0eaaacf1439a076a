import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { formPost, outcome } from '../factories/page.ts';
import { makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { aidNeed, aidOffer } from '../../src/lib/server/aid/schema.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { peoplePerson } from '../../src/lib/server/people/schema.ts';

// "I need help" and "I can help" are a resident's and a volunteer's own forms. Staff are refused the
// page (403); posting the form straight to its action must be refused the same way, with nothing
// written — the verbs behind it accept staff (they register needs for walk-ins), so without the check
// the need or offer would be saved in the staff member's own name.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const area = await makeArea(db);
const staff = {
	facilitator: await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id }),
	outreach: await makeActor(db, 'outreach', { organisationId: org.id, areaId: area.id }),
	admin: await makeActor(db, 'admin', { organisationId: org.id })
};
// As in the demo: the staff members' own person records belong to the organisation and the area.
for (const s of Object.values(staff))
	await db.update(peoplePerson).set({ organisationId: org.id, areaId: area.id }).where(eq(peoplePerson.id, s.person.id));
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: area.id });

const counts = async () => ({
	needs: ((await db.select({ n: count() }).from(aidNeed)) as [{ n: number }])[0].n,
	offers: ((await db.select({ n: count() }).from(aidOffer)) as [{ n: number }])[0].n,
	audit: ((await db.select({ n: count() }).from(coreAudit)) as [{ n: number }])[0].n
});

const fields = (kind: 'need' | 'offer'): Array<[string, string]> => [
	['category', 'errands'],
	['title', 'Boodschappen op dinsdag'],
	['description', 'Op de tweede verdieping'],
	['w0_day', '1'],
	['w0_start', '09:00'],
	['w0_end', '12:00'],
	['areaId', area.id],
	['languages', 'nl'],
	...(kind === 'need' ? [['frequency', 'weekly'] as [string, string]] : [['capacity', '1'] as [string, string]])
];
const action = async (kind: 'need' | 'offer') =>
	kind === 'need'
		? (await import('../../src/routes/(resident)/help/need/+page.server.ts')).actions.default!
		: (await import('../../src/routes/(resident)/help/offer/+page.server.ts')).actions.default!;
const load = async (kind: 'need' | 'offer') =>
	kind === 'need'
		? (await import('../../src/routes/(resident)/help/need/+page.server.ts')).load
		: (await import('../../src/routes/(resident)/help/offer/+page.server.ts')).load;

type Thrown = { status?: number; location?: string };

describe.each(['need', 'offer'] as const)('POST /help/%s by staff', (kind) => {
	it.each(Object.keys(staff) as Array<keyof typeof staff>)('%s: 403 like the page itself, nothing written', async (role) => {
		const who = staff[role];
		const page = (await outcome((await load(kind))(formPost(`/help/${kind}`, who, {}) as never))) as Thrown;
		expect(page.status, 'the page is refused').toBe(403);
		const before = await counts();
		const saved = (await outcome((await action(kind))(formPost(`/help/${kind}`, who, fields(kind))))) as Thrown;
		expect(saved.status).toBe(403);
		expect(saved.location).toBeUndefined();
		// A map click (which never saves) is refused the same way.
		const click = (await outcome(
			(await action(kind))(formPost(`/help/${kind}`, who, [...fields(kind), ['map.x', '100'], ['map.y', '100']]))
		)) as Thrown;
		expect(click.status).toBe(403);
		expect(await counts()).toEqual(before);
	});
});

it('a resident still saves her own need from the same form', async () => {
	const before = await counts();
	const saved = (await outcome((await action('need'))(formPost('/help/need', resident, fields('need'))))) as Thrown;
	expect(saved.location).toMatch(/^\/help\?saved=need/);
	expect((await counts()).needs).toBe(before.needs + 1);
});
