import type { RequestEvent } from '@sveltejs/kit';
import { baseLocale, isLocale } from '#lib/paraglide/runtime.js';
import { exportSignals } from '#lib/server/fieldwork/index.ts';
import { ctxOf, problemFrom } from '#lib/server/web/index.ts';

const FILTERS = ['theme', 'status', 'areaId', 'id'] as const;

/**
 * The anonymised signals file for the list's filters (?theme, ?status, ?areaId) or one signal (?id):
 * the verb checks the role, the scope and the input (401/403/404/422 as problem+json in the page's
 * language, nothing else happens), the bytes are answered as a download that no cache keeps.
 */
export async function signalsDownload(event: RequestEvent, format: 'csv' | 'docx'): Promise<Response> {
	const locale = isLocale(event.locals.locale) ? event.locals.locale : baseLocale;
	// A form's "all" is an empty value: no filter.
	const filters = Object.fromEntries(FILTERS.map((k) => [k, event.url.searchParams.get(k)?.slice(0, 60) || undefined]));
	try {
		const file = await exportSignals(ctxOf(event), { ...filters, format, locale } as Parameters<typeof exportSignals>[1]);
		return new Response(file.body as Uint8Array<ArrayBuffer>, {
			headers: {
				'content-type': file.contentType,
				'content-disposition': `attachment; filename="${file.filename}"`,
				'cache-control': 'private, no-store'
			}
		});
	} catch (e) {
		return problemFrom(e, locale);
	}
}
