import type { RequestEvent } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { baseLocale, isLocale, type Locale } from '#lib/paraglide/runtime.js';
import { getIndicatorValues, indicatorCsv, indicatorXlsx } from '#lib/server/indicators/index.ts';
import { todayInBelgium } from '#lib/server/core/index.ts';
import { ctxOf, pathId, problemFrom } from '#lib/server/web/index.ts';
import { periodLabel, statusLabel, type StatusCode } from '#lib/indicators/labels.ts';

const TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** The values of the page as a file: the verb checks role and scope (401/403/404 as problem+json), then the same cells. */
export async function indicatorDownload(event: RequestEvent, format: keyof typeof TYPES): Promise<Response> {
	const locale: Locale = isLocale(event.locals.locale) ? event.locals.locale : baseLocale;
	const o = { locale };
	try {
		const got = await getIndicatorValues(ctxOf(event), { id: pathId(event), locale });
		const ind = got.indicator;
		const labels = {
			title: ind.name,
			counts: m.ind_counts_title({}, o),
			countsText: ind.counts,
			where: m.ind_field_area({}, o),
			whereText: ind.areaName ?? m.ind_whole_org({}, o),
			range: m.ind_field_starts({}, o),
			rangeText: m.ind_range({ from: ind.startsOn, to: ind.endsOn }, o),
			period: m.ind_period_col({}, o),
			from: m.ind_col_from({}, o),
			to: m.ind_col_to({}, o),
			value: m.ind_value({}, o),
			target: m.ind_target({}, o),
			status: m.ind_status({}, o),
			enteredBy: m.ind_entered_col({}, o),
			periodName: (from: string) => periodLabel(from, ind.periodType),
			statusName: (s: string) => statusLabel(s as StatusCode, locale),
			suppressed: m.ind_suppressed({}, o),
			notes: [
				m.ind_file_notes({ date: todayInBelgium() }, o),
				m.ind_status_note({}, o),
				m.ind_suppressed_note({}, o),
				...(ind.perWeek ? [m.ind_per_week_note({}, o)] : [])
			]
		};
		const rows = got.periods.map((p) => ({ ...p, entry: ind.manual ? p.entry : undefined }));
		const body = format === 'csv' ? indicatorCsv(rows, labels) : new Uint8Array(await indicatorXlsx(rows, labels));
		const name = `wijkweb-indicator-${ind.id.slice(0, 8)}-${ind.startsOn}-${ind.endsOn}.${format}`;
		return new Response(body, {
			headers: { 'content-type': TYPES[format], 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'private, no-store' }
		});
	} catch (e) {
		return problemFrom(e, locale);
	}
}
