import { describe, expect, it } from 'vitest';
import { movePhase, phaseProblems } from './phases.ts';
import type { Phase } from './types.ts';

const three: Phase[] = [
	{ key: 'prep', title: 'Preparation', startsOn: '2027-01-01', endsOn: '2027-01-31' },
	{ key: 'sel', title: 'Selection', startsOn: '2027-02-01', endsOn: '2027-02-28' },
	{ key: 'real', title: 'Realisation', startsOn: '2027-03-01', endsOn: '2028-02-29' }
];
const spans = (ps: Phase[]) => ps.map((p) => `${p.startsOn}..${p.endsOn}`);

describe('movePhase', () => {
	it('moving an end moves the next phase start with it, and nothing else', () => {
		const { phases, shifted } = movePhase(three, { index: 0, edge: 'end', day: '2027-02-10' });
		expect(spans(phases)).toEqual(['2027-01-01..2027-02-10', '2027-02-11..2027-02-28', '2027-03-01..2028-02-29']);
		expect(shifted).toEqual([1]);
		expect(phaseProblems(phases)).toEqual([]);
	});

	it('an earlier end lengthens the next phase (its start follows back)', () => {
		const { phases, shifted } = movePhase(three, { index: 0, edge: 'end', day: '2027-01-20' });
		expect(spans(phases).slice(0, 2)).toEqual(['2027-01-01..2027-01-20', '2027-01-21..2027-02-28']);
		expect(shifted).toEqual([1]);
	});

	it('a neighbour left with no days keeps its length and pushes the one after it', () => {
		// Selection is 28 days (Feb 1..28); the preparation now ends after it would have ended.
		const { phases, shifted } = movePhase(three, { index: 0, edge: 'end', day: '2027-03-05' });
		expect(spans(phases)).toEqual(['2027-01-01..2027-03-05', '2027-03-06..2027-04-02', '2027-04-03..2028-02-29']);
		expect(shifted).toEqual([1, 2]);
		expect(phaseProblems(phases)).toEqual([]);
	});

	it('moving a start moves the previous phase end with it', () => {
		const { phases, shifted } = movePhase(three, { index: 2, edge: 'start', day: '2027-03-15' });
		expect(spans(phases)).toEqual(['2027-01-01..2027-01-31', '2027-02-01..2027-03-14', '2027-03-15..2028-02-29']);
		expect(shifted).toEqual([1]);
	});

	it('a start moved before the previous phase begins pulls that one back, keeping its length', () => {
		const { phases, shifted } = movePhase(three, { index: 1, edge: 'start', day: '2026-12-20' });
		expect(spans(phases).slice(0, 2)).toEqual(['2026-11-19..2026-12-19', '2026-12-20..2027-02-28']);
		expect(shifted).toEqual([0]);
		expect(phaseProblems(phases)).toEqual([]);
	});

	it('an end before its own start takes the start along (one-day phase)', () => {
		const { phases } = movePhase(three, { index: 1, edge: 'end', day: '2027-01-15' });
		expect(phases[1]).toMatchObject({ startsOn: '2027-01-15', endsOn: '2027-01-15' });
		expect(phaseProblems(phases)).toEqual([]);
	});

	it('leaves the input alone and ignores an unknown phase or a day that is no day', () => {
		const before = structuredClone(three);
		expect(movePhase(three, { index: 7, edge: 'end', day: '2027-02-10' }).shifted).toEqual([]);
		expect(spans(movePhase(three, { index: 0, edge: 'end', day: '2027-02-30' }).phases)).toEqual(spans(three));
		movePhase(three, { index: 0, edge: 'end', day: '2027-03-05' });
		expect(three).toEqual(before);
	});
});

describe('phaseProblems', () => {
	it('names gaps, overlaps, reversed phases and days that are not days', () => {
		const bad: Phase[] = [
			{ key: 'a', title: 'A', startsOn: '2027-01-01', endsOn: '2027-01-10' },
			{ key: 'b', title: 'B', startsOn: '2027-01-13', endsOn: '2027-01-20' },
			{ key: 'c', title: 'C', startsOn: '2027-01-20', endsOn: '2027-01-19' },
			{ key: 'd', title: 'D', startsOn: '2027-13-01', endsOn: '2027-01-25' }
		];
		expect(phaseProblems(bad)).toEqual([
			{ index: 1, problem: 'gap' },
			{ index: 2, problem: 'ends_before_start' },
			{ index: 2, problem: 'overlap' },
			{ index: 3, problem: 'not_a_day' }
		]);
	});

	it('crosses a leap day and a year end without a gap', () => {
		const ok: Phase[] = [
			{ key: 'a', title: 'A', startsOn: '2028-02-01', endsOn: '2028-02-28' },
			{ key: 'b', title: 'B', startsOn: '2028-02-29', endsOn: '2028-12-31' },
			{ key: 'c', title: 'C', startsOn: '2029-01-01', endsOn: '2029-01-01' }
		];
		expect(phaseProblems(ok)).toEqual([]);
	});
});
