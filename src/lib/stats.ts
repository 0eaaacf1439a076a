// Shared by the server and the components (charts, tables), so it holds no server code.

/** One figure as it may be shown: `value` is null when it is suppressed (server/stats/rules.ts: 1 to 4 people). */
export type Cell = { value: number | null; suppressed: boolean };
