// The demo seeds' one source of chance: deterministic, so two seeds on the same day give the same rows.

/** mulberry32: small, fast and good enough for demo data; never Math.random (the seed must repeat). */
export function generator(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
	const hex = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');
	// A valid RFC 9562 version-4 UUID (the routes check ids with z.uuid()).
	const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(0, 3)]}${hex(3)}-${hex(12)}`;
	return { next, int, pick, uuid, chance: (p: number) => next() < p };
}
