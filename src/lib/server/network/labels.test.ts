import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_TYPES } from './schema.ts';
import { SYMMETRIC, sideOf, tieLabel } from './labels.ts';
import { kindsFit, typesFrom, TIE_KINDS } from './rules.ts';

const LOCALES = ['nl', 'fr', 'en', 'bg', 'tr', 'ar'] as const;

describe('tie labels, both ways, every language', () => {
	it('reads a contact person from both ends', () => {
		expect(tieLabel('contact_person_at', 'from', 'en')).toBe('is contact person at');
		expect(tieLabel('contact_person_at', 'to', 'en')).toBe('has as contact person');
		expect(tieLabel('member_of', 'to', 'nl')).toBe('heeft als lid');
		expect(tieLabel('referred_to', 'from', 'fr')).toBe('a été orienté vers');
	});

	it('symmetric types read the same both ways; the others differ, in every language', () => {
		for (const locale of LOCALES)
			for (const type of RELATIONSHIP_TYPES) {
				const [from, to] = [tieLabel(type, 'from', locale), tieLabel(type, 'to', locale)];
				expect(from.trim(), `${locale} ${type}`).not.toBe('');
				if (SYMMETRIC.has(type)) expect(to, `${locale} ${type}`).toBe(from);
				else expect(to, `${locale} ${type}`).not.toBe(from);
			}
	});

	it('an unknown language falls back to the base language, not to a key', () => {
		expect(tieLabel('knows', 'from', 'xx')).toBe(tieLabel('knows', 'from', 'nl'));
	});

	it('knows which end the reader stands on', () => {
		expect(sideOf({ fromKey: 'person:a' }, 'person:a')).toBe('from');
		expect(sideOf({ fromKey: 'person:a' }, 'partner:b')).toBe('to');
	});
});

describe('which kinds each type of tie may join', () => {
	it('a contact person goes from a person to a partner, never the other way', () => {
		expect(kindsFit('contact_person_at', 'person', 'partner')).toBe(true);
		expect(kindsFit('contact_person_at', 'partner', 'person')).toBe(false);
		expect(kindsFit('contact_person_at', 'household', 'partner')).toBe(false);
		expect(kindsFit('contact_person_at', 'person', 'person')).toBe(false);
	});

	it('member of: a person or a household, of a household or a partner', () => {
		expect(kindsFit('member_of', 'person', 'household')).toBe(true);
		expect(kindsFit('member_of', 'household', 'partner')).toBe(true);
		expect(kindsFit('member_of', 'partner', 'household')).toBe(false);
		expect(kindsFit('member_of', 'person', 'person')).toBe(false);
	});

	it('family and knowing are between people; a partner is nobody’s family', () => {
		expect(kindsFit('family', 'person', 'person')).toBe(true);
		expect(kindsFit('family', 'partner', 'person')).toBe(false);
		expect(kindsFit('knows', 'household', 'person')).toBe(false);
		expect(kindsFit('works_with', 'partner', 'partner')).toBe(true);
		expect(kindsFit('neighbour', 'household', 'household')).toBe(true);
	});

	it('every type has a rule; a person may start any type, a partner only works_with', () => {
		expect(Object.keys(TIE_KINDS).sort()).toEqual([...RELATIONSHIP_TYPES].sort());
		expect(typesFrom('person').sort()).toEqual([...RELATIONSHIP_TYPES].sort());
		expect(typesFrom('partner').sort()).toEqual(['works_with']);
	});
});
