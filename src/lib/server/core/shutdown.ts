// Work to finish before the process exits (job workers, pools). A global symbol, because the
// server bundle and the start script each load their own copy of this module.
const KEY = Symbol.for('wijkweb.shutdown');
type Store = { [KEY]?: Array<() => Promise<void>> };

export function onShutdown(fn: () => Promise<void>): void {
	const g = globalThis as Store;
	(g[KEY] ??= []).push(fn);
}

const STOPPING = Symbol.for('wijkweb.stopping');

/** True once the process is stopping: connections dropped by the database's own shutdown are expected then. */
export function isStopping(): boolean {
	return (globalThis as Record<symbol, unknown>)[STOPPING] === true;
}

export async function runShutdown(): Promise<void> {
	(globalThis as Record<symbol, unknown>)[STOPPING] = true;
	const g = globalThis as Store;
	const fns = g[KEY] ?? [];
	g[KEY] = [];
	// Last registered, first stopped (a worker stops before the pool it uses closes).
	for (const fn of fns.reverse()) await fn().catch((e: unknown) => console.error('[shutdown]', e));
}
