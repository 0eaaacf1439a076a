import type { RequestEvent } from '@sveltejs/kit';
import { readRegister, registerCsv, registerDocx } from '#lib/server/privacy/index.ts';
import { ctxOf, problemFrom } from '#lib/server/web/index.ts';
import { isLocale, baseLocale } from '#lib/paraglide/runtime.js';

const TYPES = { csv: 'text/csv; charset=utf-8', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;

/** The register as a file in the reader's language; the verb's refusals are problem+json (401/403). */
export async function registerDownload(event: RequestEvent, format: keyof typeof TYPES): Promise<Response> {
	const locale = isLocale(event.locals.locale) ? event.locals.locale : baseLocale;
	try {
		const register = await readRegister(ctxOf(event), { locale });
		const body = format === 'csv' ? registerCsv(register, locale) : new Uint8Array(await registerDocx(register, locale));
		return new Response(body, {
			headers: {
				'content-type': TYPES[format],
				'content-disposition': `attachment; filename="wijkweb-register-of-processing.${format}"`,
				'cache-control': 'private, no-store'
			}
		});
	} catch (e) {
		return problemFrom(e, locale);
	}
}
