import { describe, expect, it } from 'vitest';
import { foldName, normalisePhone } from './office-hours-duplicates.ts';

describe('recognising a walk-in already registered', () => {
	it('folds case, accents and spacing of a first name', () => {
		expect(foldName('  Inès ')).toBe(foldName('ines'));
		expect(foldName('AYŞE')).toBe('ayse');
		expect(foldName('Marie  Claire')).toBe('marie claire');
		expect(foldName('Jan')).not.toBe(foldName('Jana'));
	});

	it('reads a Belgian number the same with or without the country code and punctuation', () => {
		const same = ['0470 12 34 56', '+32 470 12 34 56', '0032 470/12.34.56', '(0470) 123456', '+32470123456'];
		for (const p of same) expect(normalisePhone(p), p).toBe('0470123456');
		expect(normalisePhone('+31 6 12345678')).toBe('31612345678');
		expect(normalisePhone('0470 12 34 57')).not.toBe('0470123456');
	});
});
