// Shared by the server and the components (charts, tables), so it holds no server code.

/**
 * One figure as it may be shown: `value` is null when it is suppressed (server/stats/rules.ts: 1 to 4
 * people). `rounded`: the value was rounded to 5 for an external audience (say "rounded to 5, totals may
 * not add up"). `exact`: only for an internal author previewing external figures, the count before
 * rounding or hiding — never sent outside the organisation.
 */
export type Cell = { value: number | null; suppressed: boolean; rounded?: boolean; exact?: number };
