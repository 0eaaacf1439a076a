import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { greedyProposal, weeklyProposal, type Candidate } from './weekly.ts';

/** The best total by trying every assignment (tiny instances only). */
function bruteForce(cands: Candidate[], room: Record<string, number>): number {
	const needs = [...new Set(cands.map((c) => c.needId))];
	let best = 0;
	const go = (i: number, left: Record<string, number>, total: number) => {
		if (i === needs.length) {
			best = Math.max(best, total);
			return;
		}
		go(i + 1, left, total); // this need stays open
		for (const c of cands.filter((x) => x.needId === needs[i] && x.score > 0)) {
			if ((left[c.volunteerId] ?? 0) <= 0) continue;
			go(i + 1, { ...left, [c.volunteerId]: left[c.volunteerId]! - 1 }, total + c.score);
		}
	};
	go(0, { ...room }, 0);
	return best;
}

const instance = fc
	.record({
		needs: fc.integer({ min: 1, max: 6 }),
		vols: fc.integer({ min: 1, max: 4 }),
		edges: fc.array(fc.tuple(fc.nat(5), fc.nat(3), fc.integer({ min: -10, max: 100 })), { maxLength: 20 }),
		rooms: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 4 })
	})
	.map(({ needs, vols, edges, rooms }) => ({
		cands: edges.map(([n, v, score]) => ({ needId: `n${n % needs}`, volunteerId: `v${v % vols}`, score })),
		room: Object.fromEntries(rooms.slice(0, vols).map((r, i) => [`v${i}`, r]))
	}));

function checkValid(result: ReturnType<typeof weeklyProposal>, room: Record<string, number>) {
	const perNeed = new Map<string, number>();
	const perVol = new Map<string, number>();
	for (const p of result.pairs) {
		perNeed.set(p.needId, (perNeed.get(p.needId) ?? 0) + 1);
		perVol.set(p.volunteerId, (perVol.get(p.volunteerId) ?? 0) + 1);
	}
	for (const n of perNeed.values()) expect(n).toBe(1);
	for (const [v, n] of perVol) expect(n).toBeLessThanOrEqual(room[v] ?? 0);
}

describe('weekly proposal', () => {
	it('beats greedy where greedy is short-sighted', () => {
		// Greedy gives Ana (the only one who can help need 2) to need 1 for 10 points, leaving need 2 open.
		const cands = [
			{ needId: 'n1', volunteerId: 'ana', score: 10 },
			{ needId: 'n1', volunteerId: 'bo', score: 9 },
			{ needId: 'n2', volunteerId: 'ana', score: 8 }
		];
		const room = { ana: 1, bo: 1 };
		expect(greedyProposal(cands, room).total).toBe(10);
		const best = weeklyProposal(cands, room);
		expect(best.total).toBe(17);
		expect(best.pairs).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ needId: 'n1', volunteerId: 'bo' }),
				expect.objectContaining({ needId: 'n2', volunteerId: 'ana' })
			])
		);
	});

	it('never gives a volunteer more than their room, nor a need two volunteers; never below greedy; optimal on small cases', () => {
		fc.assert(
			fc.property(instance, ({ cands, room }) => {
				const result = weeklyProposal(cands, room);
				checkValid(result, room);
				expect(result.total).toBeGreaterThanOrEqual(greedyProposal(cands, room).total);
				expect(result.total).toBe(bruteForce(cands, room));
			}),
			{ numRuns: 300 }
		);
	});

	it('gives the same proposal for the same data in any order', () => {
		fc.assert(
			fc.property(instance, fc.integer(), ({ cands, room }, seed) => {
				const shuffled = [...cands].sort((a, b) => ((a.score * 31 + seed) % 7) - ((b.score * 31 + seed) % 7));
				expect(weeklyProposal(shuffled, room)).toEqual(weeklyProposal(cands, room));
			}),
			{ numRuns: 100 }
		);
	});
});
