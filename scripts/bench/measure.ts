import http from 'node:http';
import { loadavg } from 'node:os';

// What the HTTP benchmarks share: closed-loop users, percentiles, the table row and the machine's load.

export const THINK_MS = [500, 1500] as const;

export type Loop = { times: number[]; bad: number; statuses: Map<number, number>; rate: number };

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');
export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
export const ok = (pass: boolean) => (pass ? '✓' : '✗ missed');
export const load = () =>
	loadavg()
		.map((l) => l.toFixed(2))
		.join(' / ');

export function request(agent: http.Agent, method: string, url: string, headers: Record<string, string>, body?: string) {
	return new Promise<number>((done, fail) => {
		const req = http.request(url, { method, agent, headers }, (res) => {
			res.on('data', () => {});
			res.on('end', () => done(res.statusCode ?? 0));
		});
		req.on('error', fail);
		req.end(body);
	});
}

/**
 * `users` workers, each sending its own requests one after the other: with a think time drawn from
 * THINK_MS (fixed seed) between them — closed-loop users, as load tools model people — or, with
 * `pause: false`, none (the server's capacity; latency there is queueing). Every response time in ms.
 */
export async function loop<W>(
	workers: W[],
	seconds: number,
	pause: boolean,
	send: (agent: http.Agent, w: W) => Promise<number>,
	expect: (status: number) => boolean
): Promise<Loop> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: workers.length });
	let seed = 7;
	const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	const times: number[] = [];
	const statuses = new Map<number, number>();
	let bad = 0;
	const until = performance.now() + seconds * 1000;
	await Promise.all(
		workers.map(async (w) => {
			if (pause) await sleep(rnd() * THINK_MS[1]);
			while (performance.now() < until) {
				const t0 = performance.now();
				const status = await send(agent, w);
				times.push(performance.now() - t0);
				statuses.set(status, (statuses.get(status) ?? 0) + 1);
				if (!expect(status)) bad++;
				if (pause) await sleep(THINK_MS[0] + rnd() * (THINK_MS[1] - THINK_MS[0]));
			}
		})
	);
	agent.destroy();
	return { times: times.sort((a, b) => a - b), bad, statuses, rate: times.length / seconds };
}

export function row(label: string, r: Loop, target?: string) {
	const codes = [...r.statuses.entries()].map(([s, n]) => `${s}×${n}`).join(', ');
	return `| ${label} | ${r.rate.toFixed(0)} | ${f1(pct(r.times, 50))} | **${f1(pct(r.times, 95))}** | ${f1(pct(r.times, 99))} | ${codes} | ${target ?? ''} |`;
}
