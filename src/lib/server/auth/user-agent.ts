// A session's device in words a resident recognises ("Chrome on Android"), from its User-Agent.
// A dozen well-known names cover nearly every phone and computer; a full parser (ua-parser-js and
// the like: hundreds of rules, frequent releases) would buy precision nobody here reads.

export type Device = { browser: string | null; os: string | null };

// Order matters: Edge, Opera and Samsung Internet also say "Chrome"; Chrome also says "Safari".
const BROWSERS: [RegExp, string][] = [
	[/\bEdg(e|A|iOS)?\//, 'Edge'],
	[/\b(OPR|Opera)\//, 'Opera'],
	[/\bSamsungBrowser\//, 'Samsung Internet'],
	[/\b(Firefox|FxiOS)\//, 'Firefox'],
	[/\b(Chrome|HeadlessChrome|Chromium|CriOS)\//, 'Chrome'],
	[/\bVersion\/[\d.]+.*\bSafari\//, 'Safari']
];

const SYSTEMS: [RegExp, string][] = [
	[/\bAndroid\b/, 'Android'],
	[/\b(iPhone|iPad|iPod)\b/, 'iOS'],
	[/\bCrOS\b/, 'ChromeOS'],
	[/\bWindows\b/, 'Windows'],
	[/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
	[/\bLinux\b|\bX11\b/, 'Linux']
];

const first = (ua: string, rules: [RegExp, string][]) => rules.find(([re]) => re.test(ua))?.[1] ?? null;

export function describeDevice(userAgent: string | null | undefined): Device {
	// Headers are client-chosen: look at a bounded prefix only.
	const ua = (userAgent ?? '').slice(0, 512);
	return { browser: first(ua, BROWSERS), os: first(ua, SYSTEMS) };
}
