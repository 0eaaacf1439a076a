import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { checkBorders } from '../scripts/borders.ts';

const fixture = fileURLToPath(new URL('./fixtures/borders', import.meta.url));

describe('module borders (.dependency-cruiser.cjs, scripts/borders.ts)', () => {
	it('reports exactly one violation of each rule in the fixture tree, and nothing it allows', async () => {
		const found = await checkBorders(fixture, ['src', 'scripts']);
		expect(found).toEqual(
			[
				{ rule: 'scripts-through-indexes', from: 'scripts/tool.ts', to: 'src/lib/server/people/service.ts' },
				{ rule: 'no-server-in-components', from: 'src/lib/components/Score.svelte', to: 'src/lib/server/aid/scoring.ts' },
				{ rule: 'no-server-in-components', from: 'src/lib/components/format.ts', to: 'src/lib/server/aid/index.ts' },
				{ rule: 'no-foreign-schema', from: 'src/lib/server/aid/nudge.ts', to: 'src/lib/server/auth/schema.ts' },
				{ rule: 'module-through-index', from: 'src/lib/server/aid/nudge.ts', to: 'src/lib/server/people/service.ts' },
				{ rule: 'tables-import-tables', from: 'src/lib/server/people/schema.ts', to: 'src/lib/server/aid/index.ts' },
				{ rule: 'routes-through-indexes', from: 'src/routes/page/+page.server.ts', to: 'src/lib/server/aid/scoring.ts' }
			].sort((a, b) => `${a.from} ${a.to}`.localeCompare(`${b.from} ${b.to}`))
		);
	});

	it('finds no violation in the real tree', async () => {
		expect(await checkBorders()).toEqual([]);
	});
});
