import type { RequestEvent } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { activityReachChoices, activityReachCsv, activityReachXlsx, getActivityReach } from '#lib/server/activities/index.ts';
import { ctxOf, problemFrom } from '#lib/server/web/index.ts';
import { localeOf, reachQuery, sheetLabels } from './query.ts';

const TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/**
 * The reach as a file, for the same query as the page: the verb checks the role, the scope and the input
 * (401/403/404/422 as problem+json, nothing else happens), then the same suppressed cells are written.
 */
export async function reachDownload(event: RequestEvent, format: keyof typeof TYPES): Promise<Response> {
	const locale = localeOf(event.locals.locale);
	const ctx = ctxOf(event);
	try {
		const reach = await getActivityReach(ctx, reachQuery(event.url) as never);
		const { areas } = await activityReachChoices(ctx);
		const area = reach.areaId ? areas.find((a) => a.id === reach.areaId) : null;
		const what = reach.activityIds.length
			? m.reach_act_scope_chosen({ count: reach.activityIds.length }, { locale })
			: m.reach_act_scope_all({}, { locale });
		const labels = sheetLabels(locale, area ? `${area.name} · ${what}` : what);
		const body = format === 'csv' ? activityReachCsv(reach, labels) : new Uint8Array(await activityReachXlsx(reach, labels));
		// A plain ASCII name: the area's code (letters, digits, dashes) and the period.
		const code = (area?.code ?? 'all').toLowerCase().replace(/[^a-z0-9-]+/g, '') || 'area';
		const name = `wijkweb-activity-reach-${code}-${reach.period.from}-${reach.period.to}.${format}`;
		return new Response(body, {
			headers: { 'content-type': TYPES[format], 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'private, no-store' }
		});
	} catch (e) {
		return problemFrom(e, locale);
	}
}
