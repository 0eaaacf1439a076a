import type { RequestEvent } from '@sveltejs/kit';
import { getNetwork, networkGexf, networkGraphml } from '#lib/server/network/index.ts';
import { ctxOf, problemFrom } from '#lib/server/web/index.ts';

// What the map page and its downloads share: the query string as typed (the verb validates it).

const FIELDS = ['area', 'caseload', 'type', 'theme', 'from', 'to', 'names'] as const;
export type MapValues = Record<(typeof FIELDS)[number], string>;

export function mapValues(url: URL): MapValues {
	return Object.fromEntries(FIELDS.map((k) => [k, (url.searchParams.get(k) ?? '').slice(0, 40)])) as MapValues;
}

/** The same query for a link (the downloads): only the fields that were filled in. */
export const queryOf = (values: MapValues) => new URLSearchParams(Object.entries(values).filter(([, v]) => v)).toString();

const FORMATS = {
	gexf: { type: 'application/gexf+xml; charset=utf-8', write: networkGexf },
	graphml: { type: 'application/graphml+xml; charset=utf-8', write: networkGraphml }
} as const;

/**
 * The map as a file, for the same query as the page: the verb checks the role, the scope and the
 * input (problem+json otherwise, nothing written), and the file carries exactly what the page showed.
 */
export async function mapDownload(event: RequestEvent, format: keyof typeof FORMATS): Promise<Response> {
	try {
		const map = await getNetwork(ctxOf(event), mapValues(event.url));
		const name = `wijkweb-network-${map.query.from}-${map.query.to}.${format}`;
		return new Response(FORMATS[format].write(map), {
			headers: { 'content-type': FORMATS[format].type, 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'private, no-store' }
		});
	} catch (e) {
		return problemFrom(e, event.locals.locale);
	}
}
