import { describe, expect, it } from 'vitest';
import { PERMISSION_NAMES } from '../access/index.ts';
import { DATA_CATEGORIES } from '../people/index.ts';
import { CATEGORY_READERS, NO_PERSONAL_DATA, readersOf } from './categories.ts';

// The register of processing is generated from the permission registry through CATEGORY_READERS; it
// can only stay true if every permission is classified. A new permission fails here until someone
// says which categories of personal data it reads (or that it reads none).
describe('data categories × permissions', () => {
	const readers = new Set<string>(Object.values(CATEGORY_READERS).flat());
	const none = new Set<string>(NO_PERSONAL_DATA);

	it('classifies every permission of the registry: reads some category, or reads no personal data', () => {
		const unclassified = PERMISSION_NAMES.filter((p) => !readers.has(p) && !none.has(p));
		expect(unclassified, 'add these to privacy/categories.ts').toEqual([]);
	});

	it('never says both that a permission reads personal data and that it reads none', () => {
		expect([...readers].filter((p) => none.has(p))).toEqual([]);
	});

	it('has an entry for every data category', () => {
		expect(Object.keys(CATEGORY_READERS).sort()).toEqual([...DATA_CATEGORIES].sort());
	});

	it('derives the roles from the registry, telling apart who reads only their own', () => {
		// Others' households: staff only; every account reads its own (its export, people.own.export).
		expect(readersOf('household').filter((r) => !r.ownOnly)).toEqual([
			{ role: 'facilitator', ownOnly: false },
			{ role: 'outreach', ownOnly: false },
			{ role: 'coordinator', ownOnly: false },
			{ role: 'admin', ownOnly: false }
		]);
		expect(readersOf('household')).toContainEqual({ role: 'resident', ownOnly: true });
		const notes = readersOf('notes');
		expect(notes).toContainEqual({ role: 'resident', ownOnly: true });
		expect(notes).toContainEqual({ role: 'facilitator', ownOnly: false });
		expect(notes.filter((r) => !r.ownOnly).map((r) => r.role)).not.toContain('officer');
		// Every account reads its own identity (its account page); staff read others'.
		expect(readersOf('identity')).toContainEqual({ role: 'jury', ownOnly: true });
		expect(readersOf('identity')).toContainEqual({ role: 'coordinator', ownOnly: false });
		expect(readersOf('health')).toEqual([]);
	});
});
