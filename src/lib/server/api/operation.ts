import type { z } from 'zod';
import type { AnyVerb } from '../core/index.ts';

// An /api/v1 operation is a verb bound to a method and a path: what the client sends (path, query,
// body), how that becomes the verb's input, and how its output is answered. The dispatcher
// (web/dispatch.ts) serves only what is declared here, and the OpenAPI document is made from the same
// list, so no route can skip the verb runner and the document cannot drift from what is served.

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type PathParam = { description: string; schema: Record<string, unknown> };

// From the call's promise: a Verb<…> pattern would never match a verb whose access takes its own input.
// A verb cast to AnyVerb says nothing of its output (unknown): then `respond` names the type it takes.
type VerbOutput<V> = V extends (...args: never) => Promise<infer O> ? (unknown extends O ? never : O) : never;

export type OperationSpec<V extends AnyVerb, Q extends z.ZodObject | undefined, B extends z.ZodType | undefined> = {
	method: Method;
	/** Relative to /api/v1, with `{name}` for path parameters (ids unless `pathParams` says otherwise). */
	path: string;
	operationId: string;
	verb: V;
	/** The API document's summary; the verb's own by default. */
	summary?: string;
	/** Query parameters (GET): refused as 422 with field errors, like a body. */
	query?: Q;
	/** The JSON body (POST, PUT, PATCH). */
	request?: B;
	/**
	 * The body's cap in characters, when 64 KB is too small for what the operation takes (a whole
	 * application: ten sections of up to 1 000 words, 200 budget lines). The server's BODY_SIZE_LIMIT
	 * (512 KB by default) still bounds every request.
	 */
	maxBodyChars?: number;
	/** Path parameters that are not record ids (a neighbourhood's code), by name. */
	pathParams?: Record<string, PathParam>;
	/** The verb's input from what was sent; by default the path parameters, the query and the body in one object. */
	input?: (sent: {
		params: Record<string, string>;
		query: Q extends z.ZodObject ? z.infer<Q> : undefined;
		body: B extends z.ZodType ? z.infer<B> : undefined;
	}) => unknown;
	/** What the client gets (documented and checked by the contract test); null for 204 No Content. */
	response: z.ZodType | null;
	respond?: (output: VerbOutput<V>) => unknown;
	/**
	 * A file answer instead of JSON (an export): the content types it may have, by format, and how the
	 * verb's output becomes the bytes, their type and the file's name. `response` is then null; the
	 * dispatcher writes the bytes as an attachment and the document describes a binary body per type.
	 */
	file?: { types: Record<string, string>; of: (output: VerbOutput<V>) => FileAnswer };
	/** 201 for a record made (then `location` says where it is), 204 for nothing to say. */
	status?: 200 | 201 | 204;
	location?: (output: VerbOutput<V>) => string;
};

/** A file as the API answers it. */
export type FileAnswer = { body: Uint8Array; contentType: string; filename: string };

export type Operation = OperationSpec<AnyVerb, z.ZodObject | undefined, z.ZodType | undefined>;

/** Declares an operation (typed against its verb's output). */
export const operation = <V extends AnyVerb, Q extends z.ZodObject | undefined = undefined, B extends z.ZodType | undefined = undefined>(
	spec: OperationSpec<V, Q, B>
): Operation => spec as unknown as Operation;

/** The path's parameters when `path` (no /api/v1 prefix) fits the operation's template, else null. */
export function matchPath(template: string, path: string): Record<string, string> | null {
	const want = template.split('/');
	const got = path.replace(/\/+$/, '').split('/');
	if (want.length !== got.length) return null;
	const params: Record<string, string> = {};
	for (let i = 0; i < want.length; i++) {
		const w = want[i]!;
		const g = got[i]!;
		if (w.startsWith('{') && w.endsWith('}')) {
			if (!g) return null;
			try {
				params[w.slice(1, -1)] = decodeURIComponent(g);
			} catch {
				return null;
			}
		} else if (w !== g) return null;
	}
	return params;
}

/** Whether a path parameter is a record id (a uuid), the default. */
export const isIdParam = (op: Operation, name: string) => !op.pathParams?.[name];
