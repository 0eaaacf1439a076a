import type { z } from 'zod';
import type { Ctx } from './context.ts';
import { audit } from './audit.ts';
import { ForbiddenError, UnauthenticatedError, parseInput } from './errors.ts';
import type { AnyVerb, Verb, VerbArgs, VerbSpec } from './verb.ts';

// THE door. Every verb of every module runs through `runVerb`, in this order and no other:
//   1. nobody signed in → 401, before anything else (unless the verb is public);
//   2. the input is parsed → 422 with field errors;
//   3. a write opens its transaction (reads run on the pool, so their queries may run side by side);
//   4. the permission: held at all → else 403; a sensitive one's gate (the second factor) → its 403,
//      before any record is looked at, so no audit row of a read is written; then the verb's access
//      function → 403 for a right the actor lacks, 404 for a record outside its scope (the same answer
//      as an unknown one);
//   5. the verb runs with what access allowed;
//   6. its audit rows are written in the same transaction: they commit with the change or not at all;
//   7. after the commit, what must wait for it (`after`: queued mail announced to the job queue).

const registry = new Map<string, AnyVerb>();

/** Every declared verb, by name (the API document and the border tests read it). */
export const verbs = (): ReadonlyMap<string, AnyVerb> => registry;

/** Declares a verb: the returned function is the only way to call it, and it is the runner. */
export function defineVerb<S extends z.ZodType, O, A>(spec: VerbSpec<S, O, A>): Verb<S, O, A> {
	const call = (ctx: Ctx, ...input: VerbArgs<S>) => runVerb(spec, ctx, input[0]);
	const verb = Object.assign(call, { spec });
	// A module reloaded in development declares its verbs again: the newer one wins.
	registry.set(spec.name, verb as unknown as AnyVerb);
	return verb;
}

export async function runVerb<S extends z.ZodType, O, A>(spec: VerbSpec<S, O, A>, ctx: Ctx, raw: unknown): Promise<O> {
	const { permission } = spec;
	if (!permission.public && !ctx.actor.userId) throw new UnauthenticatedError();
	const input = parseInput(spec.input, raw) as z.infer<S>;
	const body = async (c: Ctx): Promise<O> => {
		if (!permission.holds(c.actor)) throw new ForbiddenError(permission.name);
		permission.gate?.(c.actor);
		const allowed = await spec.access(c, input);
		const output = await spec.run(c, input, allowed);
		const entries = spec.audit?.(input, output, allowed);
		for (const entry of [entries ?? []].flat()) await audit(c, entry);
		return output;
	};
	if (!spec.writes) return body(ctx);
	const output = await ctx.db.transaction((tx) => body({ ...ctx, db: tx as unknown as Ctx['db'] }));
	if (spec.after) await spec.after(ctx, output);
	return output;
}
