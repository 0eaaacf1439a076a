import { greedyProposal, weeklyProposal, type Candidate } from '../../src/lib/server/aid/index.ts';

/**
 * The weekly proposal at the scale: 2 000 open needs, 5 000 volunteers with room for 1–3 new
 * links, each need with its 20 best candidates (what ranking hands over), scores −10…89. A fixed
 * seed makes every run use the same data.
 */
export function benchWeekly() {
	let seed = 42;
	const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	const room: Record<string, number> = {};
	for (let v = 0; v < 5000; v++) room[`v${v}`] = 1 + Math.floor(rnd() * 3);
	const candidates: Candidate[] = [];
	for (let n = 0; n < 2000; n++)
		for (let k = 0; k < 20; k++)
			candidates.push({ needId: `n${n}`, volunteerId: `v${Math.floor(rnd() * 5000)}`, score: Math.floor(rnd() * 100) - 10 });
	let t0 = performance.now();
	const best = weeklyProposal(candidates, room);
	const bestMs = performance.now() - t0;
	t0 = performance.now();
	const greedy = greedyProposal(candidates, room);
	const greedyMs = performance.now() - t0;
	return { best, bestMs, greedy, greedyMs, needs: 2000 };
}
