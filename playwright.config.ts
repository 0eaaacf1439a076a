import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Debian's Chromium (CHROMIUM_PATH, else /usr/bin/chromium); Playwright's own download is the last resort.
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	// The longest journey (walk-in to closed link, two browsers) takes ~40 s on an idle two-core machine.
	timeout: 120_000,
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${PORT}`,
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	},
	projects: [
		// A cheap phone without JavaScript: every journey must work on plain HTML forms.
		{
			name: 'phone-no-js',
			dependencies: ['http'],
			testIgnore: /(security|access|layout-[a-z-]+|fieldwork-offline)\.spec/,
			use: { viewport: { width: 360, height: 740 }, javaScriptEnabled: false, locale: 'nl-BE' }
		},
		{
			name: 'desktop',
			dependencies: ['http'],
			// The activities journey is a phone's (issue 15: 360 px, with and without JavaScript).
			testIgnore: /(security|access|layout-[a-z-]+|fieldwork-offline|activities-journey|funding-review)\.spec/,
			use: { viewport: { width: 1280, height: 800 }, locale: 'nl-BE' }
		},
		// A phone with JavaScript: the street log's offline queue and service worker (issue 14).
		{
			name: 'phone',
			dependencies: ['http'],
			// …and the attendance checklist's background ticks (issue 15).
			testMatch: /(fieldwork-offline|attendance|activities-journey)\.spec/,
			use: { viewport: { width: 360, height: 740 }, javaScriptEnabled: true, locale: 'nl-BE' }
		},
		// Checks made at their own sizes in their own contexts (no label breaks inside a word at 360 px in
		// six languages, the JS/CSS budgets, the README's pictures): once per run, not once per device.
		{ name: 'layout', dependencies: ['http'], testMatch: /layout-[a-z-]+\.spec/, use: { locale: 'nl-BE' } },
		// HTTP-level checks (headers, cookies, CSRF, hostile input, API, access): no page, so once per run.
		// They run first, while every demo account still has its demo password (a journey resets one).
		{ name: 'http', testMatch: /(security|access)\.spec/ }
	],
	webServer: {
		command: 'node scripts/e2e-server.ts',
		url: `http://localhost:${PORT}/healthz`,
		timeout: 120_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		// One address signs in for every journey: 166 tests sign in often enough to meet 200 a minute on a fast machine.
		env: { PORT: String(PORT), DATA_DIR: '.test-data/e2e', DATABASE_URL: '', SIGN_IN_RATE_LIMIT: '1000', HOST: '127.0.0.1' }
	}
});
