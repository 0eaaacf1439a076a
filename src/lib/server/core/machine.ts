// A status machine as a table of allowed next steps, shared by the fieldwork records (questions,
// referrals, signals): the table is the one rule, so the buttons a page shows and the steps a verb accepts
// cannot drift apart. Each record keeps its own checks (required fields per step) on top of it.

export type Machine<S extends string> = {
	/** The steps allowed from `from`, in the table's order (the buttons a page shows). */
	nextSteps: (from: S) => readonly S[];
	/** Whether `from` → `to` is one allowed step (never the same status, never a skip). */
	canStep: (from: S, to: S) => boolean;
};

export function machine<S extends string>(next: Readonly<Record<S, readonly S[]>>): Machine<S> {
	return {
		nextSteps: (from) => next[from],
		canStep: (from, to) => next[from].includes(to)
	};
}
