import { describe, expect, it } from 'vitest';
import { freshDatabase } from './db.ts';
import { ctxFor, makeActor, makeOrganisation } from '../factories/index.ts';
import { listPeople, registerPerson, registerPersonInput } from '../../src/lib/server/people/index.ts';

// The people search matches what was typed, letter for letter: LIKE's wildcards are not the user's.

const { db } = await freshDatabase();
const org = await makeOrganisation(db);
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id });
const f = ctxFor(db, facilitator.actor);
for (const firstName of ['Anna', 'Bram', '100% Ahmed', 'a_b', 'back\\slash'])
	await registerPerson(f, registerPersonInput.parse({ firstName, organisationId: org.id, contactConsent: 'on' }));

const names = async (q: string) => (await listPeople(f, { q })).items.map((p) => p.firstName).sort();

describe('searching people', () => {
	it('takes % _ and \\ literally: "%" finds the name with a %, not everybody', async () => {
		expect(await names('%')).toEqual(['100% Ahmed']);
		expect(await names('_')).toEqual(['a_b']);
		expect(await names('\\')).toEqual(['back\\slash']);
		expect(await names('a%b')).toEqual([]);
	});

	it('still finds a part of a name, whatever its case', async () => {
		expect(await names('ANN')).toEqual(['Anna']);
		expect(await names('ra')).toEqual(['Bram']);
		expect(await names('')).toHaveLength(5);
	});
});
