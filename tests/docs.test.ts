import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// docs/architecture.md says how a request is checked; the runner's steps there are the code's own
// comment (core/run.ts), so a change to the door that is not told in the map fails here.

const root = join(import.meta.dirname, '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');

/** The numbered steps of the comment above the runner, without the comment marks. */
function runnerSteps(): string {
	const lines = read('src/lib/server/core/run.ts').split('\n');
	const start = lines.findIndex((l) => l.startsWith('// THE door'));
	const steps: string[] = [];
	for (const line of lines.slice(start + 1)) {
		if (!line.startsWith('//')) break;
		steps.push(line.replace(/^\/\/ {3}/, ''));
	}
	return steps.join('\n');
}

/** The steps as docs/architecture.md gives them, between its runner-steps markers. */
function documentedSteps(): string {
	const doc = read('docs/architecture.md');
	const block = /<!-- runner-steps -->\n([\s\S]*?)<!-- \/runner-steps -->/.exec(doc)?.[1] ?? '';
	const fenced = /```text\n([\s\S]*?)\n\s*```/.exec(block)?.[1] ?? '';
	return fenced;
}

describe('docs/architecture.md', () => {
	it('gives the verb runner’s steps exactly as core/run.ts says them', () => {
		expect(runnerSteps()).toMatch(/^1\. /);
		expect(documentedSteps(), 'copy the numbered comment of core/run.ts into the runner-steps block').toBe(runnerSteps());
	});
});
