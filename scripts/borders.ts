// The module-border check (`npm run lint`, and tests/borders.test.ts in CI): dependency-cruiser with
// .dependency-cruiser.cjs, plus the type-only imports of .svelte files, which dependency-cruiser cannot
// see (svelte's compiler drops them before it parses the script).
import { globSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { cruise, type ICruiseOptions, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

export type Violation = { rule: string; from: string; to: string };

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');
export const CHECKED = ['src', 'scripts', 'tests'];

/** Every border crossed in `paths` (relative to `baseDir`), sorted; none is the goal. */
export async function checkBorders(baseDir = ROOT, paths = CHECKED): Promise<Violation[]> {
	const tsConfigFile = join(ROOT, 'tsconfig.json');
	const options: ICruiseOptions = { ...(await extractDepcruiseOptions(join(ROOT, '.dependency-cruiser.cjs'))), tsConfig: { fileName: tsConfigFile } };
	const tsConfig = extractTSConfig(tsConfigFile);
	const cwd = process.cwd();
	// dependency-cruiser reports paths relative to the working directory, which the rules rely on.
	process.chdir(baseDir);
	try {
		const { output } = await cruise(paths, { ...options, validate: true }, {}, { tsConfig });
		if (typeof output === 'string') throw new Error('dependency-cruiser returned text instead of a result');
		const found = (output.summary.violations as IViolation[]).map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
		return dedupe([...found, ...svelteServerImports(baseDir, paths)]);
	} finally {
		process.chdir(cwd);
	}
}

/** Imports of server code in .svelte files, type-only ones included (see the top of this file). */
function svelteServerImports(baseDir: string, paths: string[]): Violation[] {
	const out: Violation[] = [];
	// The fixtures are trees of their own (their `#lib` is not ours); tests/borders.test.ts checks them apart.
	const files = paths.flatMap((p) => globSync(`${p}/**/*.svelte`, { cwd: baseDir, exclude: (f) => f.startsWith('tests/fixtures/') }));
	for (const file of files) {
		const source = readFileSync(join(baseDir, file), 'utf8');
		for (const script of source.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)) {
			for (const [, spec] of script[1]!.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)) {
				const to = spec!.startsWith('#lib/') ? join('src/lib', spec!.slice(5)) : spec!.startsWith('.') ? normalize(join(dirname(file), spec!)) : null;
				if (to && relative('src/lib/server', to).split('/')[0] !== '..') out.push({ rule: 'no-server-in-components', from: file, to });
			}
		}
	}
	return out;
}

function dedupe(vs: Violation[]): Violation[] {
	const seen = new Map(vs.map((v) => [`${v.rule} ${v.from} ${v.to}`, v]));
	return [...seen.values()].sort((a, b) => `${a.from} ${a.to}`.localeCompare(`${b.from} ${b.to}`));
}

if (import.meta.main) {
	const found = await checkBorders();
	for (const v of found) console.error(`  ${v.rule}: ${v.from} → ${v.to}`);
	console.log(found.length ? `✖ ${found.length} module-border violations (rules: .dependency-cruiser.cjs)` : '✔ module borders: no violations');
	process.exitCode = found.length ? 1 : 0;
}
