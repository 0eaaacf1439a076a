import type { RequestEvent } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { contactTypeLabel, themeName } from '#lib/fieldwork/figures-labels.ts';
import { figuresAreaChoices, figuresCsv, figuresXlsx, getFieldworkFigures, HOME_VISIT_TARGET } from '#lib/server/fieldwork/index.ts';
import { ctxOf, problemFrom } from '#lib/server/web/index.ts';
import { figuresInputOf, figuresQuery, localeOf, sheetLabels } from './query.ts';

const TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/**
 * The figures as a file for the same query as the page: the verb checks the role, the scope and the
 * input (401/403/404/422 as problem+json, nothing else happens), then the same cells are written out.
 */
export async function figuresDownload(event: RequestEvent, format: keyof typeof TYPES): Promise<Response> {
	const locale = localeOf(event.locals.locale);
	const ctx = ctxOf(event);
	try {
		const q = figuresQuery(event.url);
		const figures = await getFieldworkFigures(ctx, figuresInputOf(q));
		const area = figures.areaId ? (await figuresAreaChoices(ctx)).find((a) => a.id === figures.areaId) : null;
		const filterText = [
			area ? area.name : m.fw_figures_area_all({}, { locale }),
			figures.theme ? themeName(figures.theme, locale) : m.fw_figures_theme_all({}, { locale }),
			figures.type ? contactTypeLabel(figures.type, locale) : m.fw_figures_type_all({}, { locale })
		].join(' · ');
		const labels = sheetLabels(locale, filterText, HOME_VISIT_TARGET);
		const body = format === 'csv' ? figuresCsv(figures, labels) : new Uint8Array(await figuresXlsx(figures, labels));
		const code =
			(area ? area.name : 'all')
				.toLowerCase()
				.replace(/[^a-z0-9-]+/g, '-')
				.replace(/^-+|-+$/g, '') || 'area';
		const name = `wijkweb-fieldwork-${code}-${figures.period.from}-${figures.period.to}.${format}`;
		return new Response(body, {
			headers: { 'content-type': TYPES[format], 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'private, no-store' }
		});
	} catch (e) {
		return problemFrom(e, locale);
	}
}
