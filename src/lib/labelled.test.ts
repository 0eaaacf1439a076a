import { describe, expect, it } from 'vitest';
import { labelled, type LabelRow } from './labelled.ts';

const TABLE: Record<string, LabelRow> = { housing: { label: () => 'Wonen', icon: 'home' } };

describe('labelled', () => {
	it('gives a known code its label (read when asked: the page’s language) and icon', () => {
		expect(labelled('housing', TABLE)).toEqual({ label: 'Wonen', icon: 'home' });
	});

	it('shows an unknown code as-is with the neutral icon, also for names on every object', () => {
		expect(labelled('astrology', TABLE)).toEqual({ label: 'astrology', icon: 'dots' });
		expect(labelled('toString', TABLE)).toEqual({ label: 'toString', icon: 'dots' });
	});
});
