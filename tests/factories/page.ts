import { anonymous } from '../../src/lib/server/core/context.ts';

// Page loads and actions called as SvelteKit calls them, for the integration tests.

/**
 * A form POST to `path` as a page action receives it: the fields as a browser sends them, who asks
 * (null: nobody signed in), the language, and the route's params when it has some.
 */
export function formPost(
	path: string,
	who: { actor: unknown } | null,
	fields: Array<[string, string]> | Record<string, string>,
	opts: { locale?: string; params?: Record<string, string> } = {}
) {
	const body = new FormData();
	for (const [k, v] of Array.isArray(fields) ? fields : Object.entries(fields)) body.append(k, v);
	const url = new URL(path, 'http://localhost');
	return {
		request: new Request(url, { method: 'POST', body }),
		locals: { actor: who ? who.actor : anonymous, locale: opts.locale ?? 'en' },
		url,
		...(opts.params ? { params: opts.params } : {})
	} as never;
}

/** What a load or an action gives: its result, or what it threw (a redirect, an error page). */
export async function outcome(p: unknown): Promise<unknown> {
	try {
		return await p;
	} catch (e) {
		return e;
	}
}
