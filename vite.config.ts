/// <reference types="vitest/config" />
// Vite's defineConfig (vitest only adds the `test` types): a production install builds without vitest.
import { defineConfig } from 'vite';
import { sveltekit } from '@sveltejs/kit/vite';
import adapter from '@sveltejs/adapter-node';
import { paraglideVitePlugin } from '@inlang/paraglide-js';

// SvelteKit 3 takes its configuration here (svelte.config.js is no longer read).
export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// The account's choice (set per request in hooks.server.ts), then the cookie the switcher sets,
			// then the browser's Accept-Language, then Dutch.
			strategy: ['custom-account', 'cookie', 'preferredLanguage', 'baseLocale'],
			cookieName: 'wijkweb_locale',
			emitTsDeclarations: true
		}),
		sveltekit({
			adapter: adapter({ out: 'build' }),
			// Absolute asset URLs: the HTML of any page can be served or saved as-is (the accessibility scan
			// of the browser tests copies pages reached by client-side navigation).
			paths: { relative: false },
			// Every stylesheet a page needs goes inline into its <head> (all of them are far below this; the
			// whole design system is ~12 KB): no render-blocking request before the first paint. On a cheap
			// phone on slow 4G that request cost ~0.15 s of LCP (docs/performance.md, issue 12). A stylesheet
			// above it stays a file, and the pages bench reports it as render-blocking.
			inlineStyleThreshold: 64 * 1024,
			// Nonces for the few inline scripts Kit writes; no 'unsafe-inline' scripts anywhere.
			csp: {
				mode: 'auto',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					'object-src': ['none'],
					'base-uri': ['self'],
					'form-action': ['self'],
					'frame-ancestors': ['none']
				}
			}
		})
	],
	server: { port: 3000 },
	// adapter-node leaves `dependencies` out of the server bundle. Kit is a dependency only so that a
	// production install can build; it stays bundled, as it was as a devDependency.
	ssr: { noExternal: ['@sveltejs/kit'] },
	// Rolldown's plugin-timing notice (Paraglide's compile dominates a short build) is not actionable.
	build: { rolldownOptions: { checks: { bundlerTimings: false } } },
	test: {
		include: ['src/**/*.test.ts', 'tests/*.test.ts', 'tests/integration/**/*.test.ts'],
		globalSetup: ['tests/global-setup.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		fileParallelism: true,
		// Like the demo: the tests' staff read people without enrolling; the gate's own tests
		// (tests/integration/second-factor*.test.ts) set `required` and the per-account flag themselves.
		env: { TWO_FACTOR: 'optional' }
	}
});
