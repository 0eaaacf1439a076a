import type { RequestEvent } from '@sveltejs/kit';
import { getMutualAidReach, reachAreaChoices, reachCsv, reachXlsx } from '#lib/server/aid/index.ts';
import { m } from '#lib/paraglide/messages.js';
import { ctxOf } from '#lib/server/web/index.ts';
import { problemFrom } from '#lib/server/web/index.ts';
import { localeOf, reachQuery, sheetLabels } from './query.ts';

const TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/**
 * The reach figures as a file, for the same query as the page: the verb checks the role and the input
 * (401/403/422 as problem+json, nothing else happens), then the same suppressed cells are written out.
 */
export async function reachDownload(event: RequestEvent, format: keyof typeof TYPES): Promise<Response> {
	const locale = localeOf(event.locals.locale);
	const ctx = ctxOf(event);
	try {
		const reach = await getMutualAidReach(ctx, reachQuery(event.url));
		const area = reach.areaId ? (await reachAreaChoices(ctx)).find((a) => a.id === reach.areaId) : null;
		const labels = sheetLabels(locale, area ? area.name : m.reach_area_all({}, { locale }));
		const body = format === 'csv' ? reachCsv(reach, labels) : new Uint8Array(await reachXlsx(reach, labels));
		// A plain ASCII name: the area's code (letters, digits, dashes) and the period.
		const code = (area?.code ?? 'all').toLowerCase().replace(/[^a-z0-9-]+/g, '') || 'area';
		const name = `wijkweb-reach-${code}-${reach.period.from}-${reach.period.to}.${format}`;
		return new Response(body, {
			headers: { 'content-type': TYPES[format], 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'private, no-store' }
		});
	} catch (e) {
		return problemFrom(e, locale);
	}
}
