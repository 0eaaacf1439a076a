import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { formPost, outcome } from '../factories/page.ts';
import { makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { aidNeed, aidOffer } from '../../src/lib/server/aid/schema.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { peoplePerson } from '../../src/lib/server/people/schema.ts';

// "I need help" and "I can help" are a resident's and a volunteer's own question pages. Staff are refused the
// pages (403); posting a step straight to its action must be refused the same way, with nothing
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

/** The answers of each question page, as a browser posts them. */
const steps = (kind: 'need' | 'offer'): Array<[string, Array<[string, string]>]> => [
	['', [['category', 'errands']]],
	['when', [['when', 'mornings'], ...(kind === 'need' ? [['frequency', 'weekly'] as [string, string]] : [])]],
	['where', [['areaId', area.id]]],
	['more', [['description', 'Op de tweede verdieping'], ['languages', 'nl'], ...(kind === 'need' ? [] : [['capacity', '1'] as [string, string]])]]
];
const route = async (page: string) =>
	page === ''
		? await import('../../src/routes/(resident)/help/[kind]/+page.server.ts')
		: page === 'when'
			? await import('../../src/routes/(resident)/help/[kind]/when/+page.server.ts')
			: page === 'where'
				? await import('../../src/routes/(resident)/help/[kind]/where/+page.server.ts')
				: await import('../../src/routes/(resident)/help/[kind]/more/+page.server.ts');
/** The step's answer action: `save` where the page has named actions ("Where?"), else the default. */
const submit = (actions: object) => {
	const a = actions as Record<string, ((event: never) => unknown) | undefined>;
	return (a.save ?? a.default)!;
};
const check = () => import('../../src/routes/(resident)/help/[kind]/check/+page.server.ts');
const post = (kind: string, page: string, who: { actor: unknown }, fields: Array<[string, string]>) =>
	formPost(`/help/${kind}${page ? `/${page}` : ''}`, who, fields, { params: { kind } });

type Thrown = { status?: number; location?: string };

describe.each(['need', 'offer'] as const)('POST /help/%s/… by staff', (kind) => {
	it.each(Object.keys(staff) as Array<keyof typeof staff>)('%s: 403 like the pages themselves, nothing written', async (role) => {
		const who = staff[role];
		const before = await counts();
		for (const [page, fields] of steps(kind)) {
			const r = await route(page);
			const shown = (await outcome(r.load(post(kind, page, who, []) as never))) as Thrown;
			expect(shown.status, `the page ${page} is refused`).toBe(403);
			const saved = (await outcome(submit(r.actions)(post(kind, page, who, fields)))) as Thrown;
			expect(saved.status).toBe(403);
			expect(saved.location).toBeUndefined();
		}
		// A tap on the map is refused the same way.
		const where = await route('where');
		const click = (await outcome(
			where.actions.point!(
				post(kind, 'where', who, [
					['areaId', area.id],
					['map.x', '100'],
					['map.y', '100']
				])
			)
		)) as Thrown;
		expect(click.status).toBe(403);
		expect(((await outcome((await check()).actions.send!(post(kind, 'check', who, [['draft', crypto.randomUUID()]])))) as Thrown).status).toBe(403);
		expect(await counts()).toEqual(before);
	});
});

it('a resident still says her own need through the same pages', async () => {
	const before = await counts();
	for (const [page, fields] of steps('need')) {
		const saved = (await outcome(submit((await route(page)).actions)(post('need', page, resident, fields)))) as Thrown;
		expect(saved.status).toBe(303);
	}
	const page = (await (await check()).load(post('need', 'check', resident, []) as never)) as { draftId: string };
	const sent = (await outcome((await check()).actions.send!(post('need', 'check', resident, [['draft', page.draftId]])))) as Thrown;
	expect(sent.location).toMatch(/^\/help\/need\/done\/[0-9a-f-]{36}$/);
	expect((await counts()).needs).toBe(before.needs + 1);
});
