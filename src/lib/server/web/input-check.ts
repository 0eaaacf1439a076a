import { getTextDirection, type Locale } from '#lib/paraglide/runtime.js';
import { translate } from './translate.ts';
import { problem } from './api.ts';

// The one check of every address before any route sees it: a path parameter or query value with a
// control character (NUL, tab, CR, LF, … DEL) is never meant, and PostgreSQL refuses NUL in text
// outright, which used to surface as a 500 deep inside a query. Routes then never see one.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Does the path (decoded) or any query name or value hold a control character, or fail to decode? */
export function hasBadCharacters(url: URL): boolean {
	let path: string;
	try {
		path = decodeURIComponent(url.pathname);
	} catch {
		return true;
	}
	if (CONTROL.test(path)) return true;
	for (const [name, value] of url.searchParams) if (CONTROL.test(name) || CONTROL.test(value)) return true;
	return false;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * The 400 for such an address: problem+json under /api, else a small page in the visitor's language.
 * It is written here rather than by the error page because the route (and its data) must not run.
 */
export function badCharactersResponse(url: URL, locale: Locale): Response {
	const detail = translate('error_address_characters', locale);
	if (url.pathname.startsWith('/api/')) return problem('error_address_characters', locale);
	const title = escape(translate('error_page_other', locale));
	const html = `<!doctype html>
<html lang="${locale}" dir="${getTextDirection(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="/favicon.svg" type="image/svg+xml"><title>${title} · Wijkweb</title></head>
<body><main id="main"><h1>${title}</h1><p>${escape(detail)}</p><p>400</p><p><a href="/">${escape(translate('nav_home', locale))}</a></p></main></body>
</html>`;
	return new Response(html, {
		status: 400,
		headers: {
			'Content-Type': 'text/html; charset=utf-8',
			'Cache-Control': 'no-store',
			// Only the site's own stylesheet and icon; no script at all.
			'Content-Security-Policy': "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
		}
	});
}
