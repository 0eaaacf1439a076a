import { describe, expect, it } from 'vitest';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { apiCall } from '../factories/api.ts';
import { attend, makeActivity, makePeople, makeSession } from '../factories/activity-rows.ts';
import { getActivityReach } from '../../src/lib/server/activities/index.ts';
import { anonymous } from '../../src/lib/server/core/context.ts';

// The reach of activities through its doors: the API operation and the CSV/XLSX routes, which answer
// the verb's cells and refuse what the verb refuses.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const area = await makeArea(db);
const area2 = await makeArea(db);
const place = { organisationId: org.id, areaId: area.id };
const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id });
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area2.id });
const otherCoordinator = await makeActor(db, 'coordinator', { organisationId: otherOrg.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id });
const activity = await makeActivity(db, place, { title: '=HYPERLINK("x") Naaiatelier' });
const people = (await makePeople(db, place, 7, { birthYear: 2012 })).map((p) => p.id);
const adults = (await makePeople(db, place, 5)).map((p) => p.id);
await attend(db, await makeSession(db, activity, '2025-03-04T18:00:00Z', 2), [...people, ...adults]);
const YEAR = 'from=2025-01-01&to=2025-12-31';

const event = (who: { actor: unknown } | null, path: string, locale = 'en') =>
	({ locals: { actor: who ? who.actor : anonymous, locale }, url: new URL(path, 'http://localhost') }) as never;

describe('getActivityReach through the API', () => {
	it("answers exactly the verb's figures, for chosen activities too", async () => {
		const direct = await getActivityReach(ctxFor(db, coordinator.actor), { from: '2025-01-01', to: '2025-12-31', activityIds: [activity.id] });
		const res = await apiCall(coordinator.actor, { path: `/activities/reach?${YEAR}&activityIds=${activity.id}` });
		expect(res.status).toBe(200);
		expect(res.body).toEqual(JSON.parse(JSON.stringify(direct)));
		expect(res.body.figures).toMatchObject({ participants: { value: 12 }, children: { value: 7 }, anonymous: { value: null, suppressed: true } });
	});

	it('refuses the wrong role (403), another organisation’s activity and another neighbourhood (404), bad input (422 in the caller’s language)', async () => {
		expect((await apiCall(volunteer.actor, { path: `/activities/reach?${YEAR}` })).status).toBe(403);
		expect((await apiCall(otherCoordinator.actor, { path: `/activities/reach?${YEAR}&activityIds=${activity.id}` })).status).toBe(404);
		expect((await apiCall(facilitator.actor, { path: `/activities/reach?${YEAR}&areaId=${area.id}` })).status).toBe(404);
		// The other organisation sees none of ours.
		const theirs = await apiCall(otherCoordinator.actor, { path: `/activities/reach?${YEAR}` });
		expect(theirs.body.figures).toMatchObject({ participants: { value: 0 } });
		const old = await apiCall(coordinator.actor, { path: '/activities/reach?from=1899-01-01&to=1899-12-31' }, 'nl');
		expect(old.status).toBe(422);
		const long = await apiCall(coordinator.actor, { path: '/activities/reach?from=2010-01-01&to=2024-12-31' }, 'nl');
		expect(long.status).toBe(422);
		expect(long.text).toContain('Kies een periode van minder dan 10 jaar.');
	});
});

describe('the reach downloads', () => {
	it('write the same cells as the page, texts neutralised in the CSV', async () => {
		const { GET } = await import('../../src/routes/(work)/activities/reach.csv/+server.ts');
		const res = await GET(event(coordinator, `/activities/reach.csv?${YEAR}&activity=${activity.id}`, 'nl'));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('text/csv');
		const text = await res.text();
		expect(text).toContain('Deelnemers (verschillende personen),12');
		expect(text).toContain('Kinderen (jonger dan 18),7');
		expect(text).toContain('"Anonieme telling (apart, niet in de andere cijfers)",<5');
		expect(text).toContain(`"'=HYPERLINK(""x"") Naaiatelier"`);
		const { GET: XLSX } = await import('../../src/routes/(work)/activities/reach.xlsx/+server.ts');
		const xlsx = await XLSX(event(coordinator, `/activities/reach.xlsx?${YEAR}`));
		expect(xlsx.status).toBe(200);
		expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
	});

	it('refuse the wrong role, another organisation and bad input, with a problem in the page’s language', async () => {
		const { GET } = await import('../../src/routes/(work)/activities/reach.csv/+server.ts');
		expect((await GET(event(volunteer, `/activities/reach.csv?${YEAR}`))).status).toBe(403);
		expect((await GET(event(null, `/activities/reach.csv?${YEAR}`))).status).toBe(401);
		expect((await GET(event(otherCoordinator, `/activities/reach.csv?${YEAR}&activity=${activity.id}`))).status).toBe(404);
		const bad = await GET(event(coordinator, '/activities/reach.csv?from=1899-01-01&to=1899-02-01', 'fr'));
		expect(bad.status).toBe(422);
		expect(await bad.text()).toMatch(/date/i);
	});
});
