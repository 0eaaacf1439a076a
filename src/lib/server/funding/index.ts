// Funding (issue 16): programmes and calls whose rules are data, applications checked by the pure
// engine (src/lib/funding/rules.ts), the jury, decisions, grants paid in tranches and spending against
// the budget. Reached only through this file.

export { FUNDING_LIMITS } from './schema.ts';
export { applicationMachine } from './status.ts';

// — programmes and calls (calls.ts, programmes.ts, templates.ts, public.ts)

// — applications (applications.ts, submit.ts, editors.ts, copy.ts)

// — review: eligibility, the jury, conflicts, scores, decisions (review.ts, jury.ts, decisions.ts)

// — grants: projects, tranches, expenses, budget amendments (projects.ts, tranches.ts, expenses.ts)
export { openProject } from './projects.ts';
