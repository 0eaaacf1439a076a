import { describe, expect, it } from 'vitest';
import { countWords } from './words.ts';

// Expected counts are counted by hand, word by word, as a word processor counts them.
describe('countWords', () => {
	it('counts nothing in empty text, spaces, punctuation and dashes alone', () => {
		expect(countWords('')).toBe(0);
		expect(countWords('   \n\t ')).toBe(0);
		expect(countWords(' — … ; % ')).toBe(0);
	});

	it('counts a Dutch paragraph', () => {
		// De(1) buurtbewoners(2) van(3) Rabot(4) willen(5) een(6) moestuin(7) op(8) het(9) braakliggende(10)
		// terrein(11) aan(12) de(13) Sint-Salvatorstraat(14), met(15) 15.000(16) euro(17) en(18) 20(19) % eigen(20) inbreng(21).
		const text =
			'De buurtbewoners van Rabot willen een moestuin op het braakliggende terrein aan de Sint-Salvatorstraat, met 15.000 euro en 20 % eigen inbreng.';
		expect(countWords(text, 'nl')).toBe(21);
	});

	it('counts a French paragraph with elisions as one word each', () => {
		// L'association(1) du(2) quartier(3) organise(4) l'été(5) prochain(6) un(7) atelier(8) d'écriture(9)
		// pour(10) les(11) jeunes(12) de(13) 12(14) à(15) 25(16) ans(17) : c'est(18) gratuit(19) !
		const text = "L'association du quartier organise l'été prochain un atelier d'écriture pour les jeunes de 12 à 25 ans : c'est gratuit !";
		expect(countWords(text, 'fr')).toBe(19);
		expect(countWords('l’école', 'fr')).toBe(1);
	});

	it('counts a Bulgarian paragraph', () => {
		// Жителите(1) на(2) квартала(3) искат(4) повече(5) зелени(6) площи(7) и(8) безопасен(9) път(10) до(11) училище(12).
		const text = 'Жителите на квартала искат повече зелени площи и безопасен път до училище.';
		expect(countWords(text, 'bg')).toBe(12);
	});

	it('counts joined words as one, and words around a spaced dash as two', () => {
		expect(countWords('buurt-werk')).toBe(1);
		expect(countWords('en/of')).toBe(1);
		expect(countWords('Mail jan.peeters@wijk.be vandaag')).toBe(3);
		expect(countWords('buurt - werk')).toBe(2);
		expect(countWords('werk- en leerplaatsen')).toBe(3);
	});

	it('counts line breaks and several spaces like one space', () => {
		expect(countWords('een\ntwee\r\n\r\ndrie    vier\u00a0vijf')).toBe(5);
	});

	it('counts 50 000 pasted words exactly', () => {
		const text = Array.from({ length: 50_000 }, (_, i) => (i % 7 ? 'woord' : 'zin.')).join(' ');
		expect(countWords(text)).toBe(50_000);
	});

	it('does not depend on the page language for these languages', () => {
		const text = 'Het project start in januari — en loopt vier jaar.';
		expect(new Set(['nl', 'fr', 'en', 'bg', 'tr', 'ar'].map((l) => countWords(text, l)))).toEqual(new Set([9]));
	});
});
