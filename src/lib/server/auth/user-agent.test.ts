import { describe, expect, it } from 'vitest';
import { describeDevice } from './user-agent.ts';

// Real User-Agent strings of the devices residents and staff use.
const CASES: [string, string | null, string | null][] = [
	['Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 'Chrome', 'Android'],
	[
		'Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36',
		'Samsung Internet',
		'Android'
	],
	[
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
		'Safari',
		'iOS'
	],
	[
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
		'Chrome',
		'iOS'
	],
	[
		'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
		'Edge',
		'Windows'
	],
	['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox', 'Windows'],
	['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15', 'Safari', 'macOS'],
	['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36', 'Chrome', 'Linux'],
	['Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome', 'ChromeOS'],
	[
		'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0',
		'Opera',
		'Windows'
	],
	['curl/8.5.0', null, null],
	['', null, null]
];

describe('describeDevice', () => {
	for (const [ua, browser, os] of CASES) {
		it(`reads ${browser ?? 'nothing'} on ${os ?? 'nothing'} from ${ua.slice(0, 40) || 'an empty string'}`, () => {
			expect(describeDevice(ua)).toEqual({ browser, os });
		});
	}
	it('survives null and a huge header', () => {
		expect(describeDevice(null)).toEqual({ browser: null, os: null });
		expect(describeDevice('A'.repeat(100_000) + ' Firefox/1')).toEqual({ browser: null, os: null });
	});
});
