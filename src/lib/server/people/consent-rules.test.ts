import { describe, expect, it } from 'vitest';
import { basisOf, consentState, isAsked, latestEntry, mayUse, newerTextExists, textIn, withdrawalStops } from './consent-rules.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
const given = (minute: number, version = 1) => ({ given: true, recordedAt: at(minute), version });
const withdrawn = (minute: number, version = 1) => ({ given: false, recordedAt: at(minute), version });
const asked = { lawfulBasis: 'consent' as const, active: true, version: 2 };
const ownBasis = { lawfulBasis: null, active: true, version: 1 };

describe('the basis a purpose works under', () => {
	it('is its own when set, else its organisation’s', () => {
		expect(basisOf({ lawfulBasis: 'legal_obligation' }, 'consent')).toBe('legal_obligation');
		expect(basisOf({ lawfulBasis: null }, 'public_task')).toBe('public_task');
		expect(isAsked({ lawfulBasis: null }, 'consent')).toBe(true);
		expect(isAsked({ lawfulBasis: null }, 'public_task')).toBe(false);
		expect(isAsked({ lawfulBasis: 'consent' }, 'public_task')).toBe(true);
	});
});

describe('the current answer from a history', () => {
	it('is the latest row, whatever order the rows come in', () => {
		expect(latestEntry([given(5), withdrawn(1)])).toEqual(given(5));
		expect(latestEntry([withdrawn(1), given(3), withdrawn(9), given(4)])).toEqual(withdrawn(9));
		expect(latestEntry([])).toBeNull();
	});

	it('takes the later of two rows recorded at the same instant', () => {
		expect(latestEntry([given(2), withdrawn(2)])?.given).toBe(false);
	});

	it('is none, given, withdrawn, or not asked under another basis', () => {
		expect(consentState(asked, 'consent', [])).toBe('none');
		expect(consentState(asked, 'consent', [withdrawn(1), given(2)])).toBe('given');
		expect(consentState(asked, 'consent', [given(1), withdrawn(2)])).toBe('withdrawn');
		expect(consentState(ownBasis, 'public_task', [])).toBe('not_asked');
	});
});

describe('whether a purpose’s data may be used', () => {
	it('under consent: only while the latest answer is given', () => {
		expect(mayUse(asked, 'consent', [])).toBe(false);
		expect(mayUse(asked, 'consent', [given(1)])).toBe(true);
		expect(mayUse(asked, 'consent', [given(1), withdrawn(2)])).toBe(false);
		expect(mayUse(asked, 'consent', [given(1), withdrawn(2), given(3)])).toBe(true);
	});

	it('under another basis: always, without asking; never for an inactive purpose', () => {
		expect(mayUse(ownBasis, 'public_task', [])).toBe(true);
		expect(mayUse({ lawfulBasis: 'legal_obligation', active: true }, 'consent', [withdrawn(1)])).toBe(true);
		expect(mayUse({ ...asked, active: false }, 'consent', [given(1)])).toBe(false);
		expect(mayUse({ ...ownBasis, active: false }, 'public_task', [])).toBe(false);
	});

	it('lets a recorded override through only with a reason (the seam for referrals)', () => {
		expect(mayUse(asked, 'consent', [withdrawn(1)], { reason: 'urgent referral, see file', byUserId: 'u1' })).toBe(true);
		expect(mayUse(asked, 'consent', [withdrawn(1)], { reason: '   ', byUserId: 'u1' })).toBe(false);
	});
});

describe('texts and withdrawals', () => {
	it('says when the person agreed to an older text', () => {
		expect(newerTextExists(asked, given(1, 1))).toBe(true);
		expect(newerTextExists(asked, given(1, 2))).toBe(false);
		expect(newerTextExists(asked, null)).toBe(false);
	});

	it('shows the text in the page’s language, else in English', () => {
		const texts = { nl: 'Mogen we u bellen?', fr: 'Pouvons-nous vous appeler ?', en: 'May we call you?', ar: '' };
		expect(textIn(texts, 'nl')).toEqual({ text: 'Mogen we u bellen?', language: 'nl' });
		expect(textIn(texts, 'bg')).toEqual({ text: 'May we call you?', language: 'en' });
		expect(textIn(texts, 'ar')).toEqual({ text: 'May we call you?', language: 'en' });
	});

	it('names what each withdrawal stops', () => {
		expect(withdrawalStops('contact')).toEqual(['contact']);
		expect(withdrawalStops('intercultural')).toEqual(['intercultural_figures']);
		expect(withdrawalStops('origin_statistics')).toEqual(['origin']);
	});
});
