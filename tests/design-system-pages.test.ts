import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The pages moved onto the design system (src/lib/components/ui/): none may fall back on the old page
// classes of legacy.css (which goes once no page uses them) or bring a <style> of its own.
const PAGES = [
	'src/routes/+error.svelte',
	'src/routes/(public)/+page.svelte',
	'src/routes/(public)/areas/[code]/+page.svelte',
	'src/routes/(public)/sign-in/+page.svelte',
	'src/routes/(public)/sign-up/+page.svelte',
	'src/routes/(public)/forgot-password/+page.svelte',
	'src/routes/(public)/reset-password/+page.svelte',
	'src/routes/(public)/verify-email/+page.svelte',
	'src/routes/account/+page.svelte',
	'src/routes/account/link/[token]/+page.svelte',
	'src/routes/admin/+page.svelte',
	'src/routes/admin/audit/+page.svelte',
	'src/routes/(work)/people/+page.svelte',
	'src/routes/(work)/people/[id]/+page.svelte',
	'src/routes/dev/mailbox/+page.svelte'
];
const LEGACY = [
	'choices',
	'item',
	'rows',
	'cards',
	'badge',
	'facts',
	'actions',
	'notice',
	'ok',
	'error',
	'field',
	'field-error',
	'check',
	'windows',
	'window-row',
	'reasons',
	'scroll',
	'mail',
	'primary',
	'button',
	'link',
	'small'
];

const classesOf = (source: string) => [...source.matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/).filter(Boolean));

describe('pages on the design system', () => {
	it.each(PAGES)('%s uses no legacy class, no <style> and no bare <button> or <table>', (path) => {
		const source = readFileSync(path, 'utf8');
		expect(classesOf(source).filter((c) => LEGACY.includes(c))).toEqual([]);
		expect(source).not.toMatch(/<style[\s>]/);
		// Buttons, tables and description lists come from the components (Button, Table, SummaryList).
		expect(source).not.toMatch(/<(button|table|dl)[\s>]/);
	});
});
