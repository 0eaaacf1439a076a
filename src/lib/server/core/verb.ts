import type { z } from 'zod';
import type { Actor, Ctx } from './context.ts';
import type { AuditEntry } from './audit.ts';

// A verb is declared as data: its name, the permission it needs, its input (and output) schema, an
// access function and what it does. The runner (run.ts) is the only code that calls `access` and
// `run`, always in the same order, so a verb cannot start before its door is checked.

/**
 * The permission a verb needs, as the access module defines it: whether the actor holds it at all
 * (some role with it, a write-enabled token for writes). Where it applies (which organisation, which
 * area, which record) is the verb's `access` function. Core only knows this shape, so the runner does
 * not depend on the access module (which depends on core).
 */
export type Permission = {
	readonly name: string;
	readonly write: boolean;
	/** Open to anyone, signed in or not (public pages' data). */
	readonly public?: true;
	holds(actor: Actor): boolean;
	/**
	 * A permission that reads people's sensitive records (the registry's `sensitive`): what else the actor
	 * must meet once it holds it, before access looks at any record — the second factor. Throws.
	 */
	readonly gate?: (actor: Actor) => void;
};

/** Anyone, signed in or not: for what the public pages show (neighbourhoods, the board, office hours). */
export const PUBLIC: Permission = { name: 'public', write: false, public: true, holds: () => true };

type Audited<I, O, A> = (input: I, output: O, allowed: A) => AuditEntry | AuditEntry[] | null;

export type VerbSpec<S extends z.ZodType, O, A> = {
	/** Stable and dotted: `module.thing.action` (the audit and the API name it by this). */
	name: string;
	/** One line for people: the API document's summary. */
	summary: string;
	permission: Permission;
	input: S;
	output?: z.ZodType<O>;
	/**
	 * What the actor may touch for this input: a scope filter, a record checked against the grants, the
	 * organisation to write in. Called inside the transaction after the permission is held; deny by
	 * default: throw ForbiddenError (a right the actor lacks) or NotFoundError (a record outside its
	 * scope, answered exactly as an unknown one). What it returns is handed to `run`.
	 */
	access: (ctx: Ctx, input: z.infer<S>) => Promise<A> | A;
	run: (ctx: Ctx, input: z.infer<S>, allowed: A) => Promise<O>;
	/**
	 * What may happen only once a write is committed, outside its transaction: handing queued mail to
	 * the job queue (a job sent earlier could run before the mail's row is visible). Called inside
	 * another verb's transaction, it runs when that inner call returns, before the outer commit.
	 */
	after?: (ctx: Ctx, output: O) => Promise<void>;
} & (
	| { writes: true; /** The audit rows of a write, committed with it (null only when nothing changed). */ audit: Audited<z.infer<S>, O, A> }
	| { writes: false; /** Reads of personal data are audited too. */ audit?: Audited<z.infer<S>, O, A> }
);

/** A verb whose input may be left out (a schema with a default) is called with the context alone. */
export type VerbArgs<S extends z.ZodType> = undefined extends z.input<S> ? [input?: z.input<S>] : [input: z.input<S>];

/** A declared verb, callable as `verb(ctx, input)`: that call is the runner. */
export type Verb<S extends z.ZodType = z.ZodType, O = unknown, A = unknown> = ((ctx: Ctx, ...input: VerbArgs<S>) => Promise<O>) & {
	readonly spec: VerbSpec<S, O, A>;
};

/** What any verb tells about itself (the API document, the registry); calling it is the runner. */
export type VerbInfo = Pick<VerbSpec<z.ZodType, unknown, unknown>, 'name' | 'summary' | 'permission' | 'input' | 'output' | 'writes'>;

export type AnyVerb = ((ctx: Ctx, input: never) => Promise<unknown>) & { readonly spec: VerbInfo };
