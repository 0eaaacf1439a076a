import { describe, expect, it } from 'vitest';
import { freshAppDatabase } from './db.ts';
import { formPost, outcome } from '../factories/page.ts';
import { makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { accessRoleGrant } from '../../src/lib/server/access/schema.ts';
import { loadActor } from '../../src/lib/server/access/index.ts';

// The weekly proposal page without a neighbourhood in its address: a facilitator of one neighbourhood
// gets it without asking; one of several is asked which (it was a bare 400 before).

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const rabot = await makeArea(db, 'Rabot');
const sluizeken = await makeArea(db, 'Sluizeken');
const one = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: rabot.id });
const several = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: rabot.id });
await db.insert(accessRoleGrant).values({ personId: several.person.id, role: 'facilitator', organisationId: org.id, areaId: sluizeken.id });
const severalActor = (await loadActor(db, several.user.id))!;
const outreach = await makeActor(db, 'outreach', { organisationId: org.id, areaId: rabot.id });

const page = async () => (await import('../../src/routes/(work)/aid/weekly/+page.server.ts')).load;
type Data = { areaId: string | null; areas: { id: string; name: string }[]; proposal: { needs: number } | null };
const open = async (who: { actor: unknown }, path: string) => (await outcome((await page())(formPost(path, who, {})))) as Data & { status?: number };

describe('the weekly proposal page', () => {
	it('preselects the only neighbourhood of a facilitator who has one', async () => {
		const data = await open(one, '/aid/weekly');
		expect(data.areaId).toBe(rabot.id);
		expect(data.areas.map((a) => a.name)).toEqual(['Rabot']);
		expect(data.proposal).toMatchObject({ needs: 0 });
	});

	it('asks a facilitator of several neighbourhoods which one, and makes no proposal yet', async () => {
		for (const path of ['/aid/weekly', '/aid/weekly?areaId=']) {
			const data = await open({ actor: severalActor }, path);
			expect(data.areaId, path).toBeNull();
			expect(data.proposal, path).toBeNull();
			expect(data.areas.map((a) => a.name).sort(), path).toEqual(['Rabot', 'Sluizeken']);
		}
		const chosen = await open({ actor: severalActor }, `/aid/weekly?areaId=${sluizeken.id}`);
		expect(chosen.areaId).toBe(sluizeken.id);
		expect(chosen.proposal).not.toBeNull();
	});

	it('still refuses a malformed neighbourhood with 400 and a role without the right with 403', async () => {
		expect((await open(one, '/aid/weekly?areaId=nope')).status).toBe(400);
		expect((await open(outreach, '/aid/weekly')).status).toBe(403);
	});
});
