import { defineCustomClientStrategy, isLocale } from '#lib/paraglide/runtime.js';

// In the browser the page's language is whatever the server chose (account, cookie, browser, nl) and
// wrote into <html lang>. Reading it back keeps hydration in the same language as the HTML.
defineCustomClientStrategy('custom-account', {
	getLocale: () => {
		const lang = document.documentElement.lang;
		return isLocale(lang) ? lang : undefined;
	},
	setLocale: () => {}
});
