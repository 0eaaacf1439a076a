// Work to finish before the process exits (job workers, pools). A global symbol, because the
// server bundle and the start script each load their own copy of this module.
const KEY = Symbol.for('wijkweb.shutdown');
type Store = { [KEY]?: Array<() => Promise<void>> };

export function onShutdown(fn: () => Promise<void>): void {
	const g = globalThis as Store;
	(g[KEY] ??= []).push(fn);
}

export async function runShutdown(): Promise<void> {
	const g = globalThis as Store;
	const fns = g[KEY] ?? [];
	g[KEY] = [];
	await Promise.allSettled(fns.reverse().map((fn) => fn()));
}
