import { afterAll, describe, expect, it } from 'vitest';
import { baseLocale, locales, overwriteGetLocale, type Locale } from '../paraglide/runtime.js';
import { rulesInWords } from './rules-in-words.ts';
import { callTemplate } from './templates.ts';

const speak = (locale: Locale) => overwriteGetLocale(() => locale);
afterAll(() => speak(baseLocale));
const opensAt = new Date('2027-03-01T08:00:00Z');
const contract = callTemplate('improvement_contract', { opensAt, locale: 'nl' }).rules;
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/gu, ' ');

describe('rulesInWords', () => {
	it('says the improvement contract in Dutch: one per applicant, the cap, the shares, four years', () => {
		speak('nl');
		const words = rulesInWords(contract).map(nbsp);
		expect(words).toContain('Wie mag aanvragen: een stad of een vereniging.');
		expect(words).toContain('Elke aanvrager dient één aanvraag in.');
		expect(words).toContain('U kunt per aanvraag ten hoogste € 800.000,00 vragen.');
		expect(words).toContain('U of uw partners betalen zelf minstens 20% van de totale kosten van het project (cofinanciering).');
		expect(words).toContain('Ten hoogste 20% van de subsidie mag naar kleine infrastructuurwerken gaan.');
		expect(words).toContain('Het project loopt 4 jaar.');
		expect(words.some((w) => w.startsWith('Het budget kan bestaan uit: Personeel'))).toBe(true);
	});

	it('says the start fund, "several applications" and the decreasing years only where the call has them', () => {
		speak('en');
		const participatory = callTemplate('participatory', { opensAt, locale: 'en' }).rules;
		const p = rulesInWords(participatory).map(nbsp);
		expect(p.some((w) => w.startsWith('Besides the grant, you can ask a start fund of at most €400'))).toBe(true);
		expect(p.join(' ')).not.toMatch(/go down/);
		const several = rulesInWords({ ...contract, onePerApplicant: false, maxGrantCents: null, decreasingLastYears: 2, startFundMaxCents: null }).map(
			nbsp
		);
		expect(several).toContain('An applicant may send more than one application.');
		expect(several).toContain('There is no maximum amount per application.');
		expect(several).toContain('The yearly budget must go down over the last 2 years.');
		expect(several.join(' ')).not.toMatch(/start fund/);
	});

	it('says an uneven share exactly and the kinds as a list with "or"', () => {
		speak('en');
		const w = rulesInWords({ ...contract, minCofinancingBp: 1250, applicantKinds: ['neighbourhood_group', 'association'] }).map(nbsp);
		expect(w).toContain('Who may apply: a neighbourhood group or an association.');
		expect(w.some((s) => s.includes('12.5%') || s.includes('12,5%'))).toBe(true);
	});

	it('gives every language its own sentences and plural of years', () => {
		const seen = new Set<string>();
		for (const l of locales) {
			speak(l);
			const w = rulesInWords(contract);
			expect(w.length).toBeGreaterThanOrEqual(7);
			seen.add(w.join('|'));
		}
		expect(seen.size).toBe(locales.length);
		speak('bg');
		expect(rulesInWords(contract).map(nbsp)).toContain('Проектът продължава 4 години.');
	});
});
