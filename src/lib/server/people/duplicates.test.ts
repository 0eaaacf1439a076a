import { describe, expect, it } from 'vitest';
import { DUPLICATE_THRESHOLD, fold, rankDuplicates, scoreDuplicate, similarity } from './duplicates.ts';

const A = 'area-a';
const sketch = (firstName: string, lastName: string | null, areaId: string | null = null, birthYear: number | null = null) => ({
	firstName,
	lastName,
	areaId,
	birthYear
});

describe('duplicate scoring', () => {
	it('folds case and accents like people_fold', () => {
		expect(fold('Çelik')).toBe('celik');
		expect(fold('  CÉLINE ')).toBe('celine');
	});

	it('computes pg_trgm similarity', () => {
		expect(similarity('Celine', 'Céline')).toBe(1);
		// pg_trgm: similarity('celine', 'celine dupont') = 7 / 14
		expect(similarity('celine', 'celine dupont')).toBeCloseTo(0.5, 5);
		expect(similarity('abc', 'xyz')).toBe(0);
	});

	it('sees the same name in the same neighbourhood, born a year apart, as a look-alike with all three reasons', () => {
		const s = scoreDuplicate(sketch('Celine', 'Dupont', A, 1980), sketch('Céline', 'DUPONT', A, 1981));
		expect(s.reasons).toEqual(['same_name', 'same_area', 'near_birth_year']);
		expect(s.score).toBe(90);
	});

	it('sees a similar spelling in the same neighbourhood as a look-alike', () => {
		const s = scoreDuplicate(sketch('Mohamed', 'El Amrani', A), sketch('Mohammed', 'El Amrani', A));
		expect(s.reasons).toEqual(['similar_name', 'same_area']);
		expect(s.score).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
	});

	it('does not take a similar name alone, nor the same name born ten years apart', () => {
		expect(scoreDuplicate(sketch('Mohamed', 'El Amrani'), sketch('Mohammed', 'El Amrani')).score).toBeLessThan(DUPLICATE_THRESHOLD);
		expect(scoreDuplicate(sketch('Jan', 'Peeters', A, 1960), sketch('Jan', 'Peeters', A, 1970)).score).toBeLessThan(DUPLICATE_THRESHOLD);
	});

	it('ignores someone with another name altogether, whatever else they share', () => {
		expect(scoreDuplicate(sketch('Anna', 'Peeters', A, 1990), sketch('Youssef', 'Benali', A, 1990))).toEqual({ score: 0, reasons: [] });
	});

	it('ranks the best look-alike first and leaves out the rest', () => {
		const probe = sketch('Elif', 'Yilmaz', A, 1990);
		const ranked = rankDuplicates(probe, [
			{ id: '1', ...sketch('Elif', 'Yılmaz', null, null) },
			{ id: '2', ...sketch('Elif', 'Yilmaz', A, 1990) },
			{ id: '3', ...sketch('Emre', 'Kaya', A, 1990) }
		]);
		expect(ranked.map((r) => r.id)).toEqual(['2', '1']);
	});
});
