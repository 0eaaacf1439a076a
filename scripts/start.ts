import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

// `npm start`: build when the sources are newer than the last build, then serve.
const STAMP = 'build/handler.js';
const SOURCES = ['src', 'messages', 'static', 'vite.config.ts', 'project.inlang/settings.json', 'package-lock.json'];

function newest(path: string): number {
	if (!existsSync(path)) return 0;
	const st = statSync(path);
	if (!st.isDirectory()) return st.mtimeMs;
	let max = 0;
	for (const name of readdirSync(path)) if (name !== 'paraglide') max = Math.max(max, newest(join(path, name)));
	return max;
}

const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
if (built < Math.max(...SOURCES.map(newest))) {
	console.log('[wijkweb] Building (first start or changed sources)…');
	const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
		stdio: ['ignore', 'pipe', 'inherit'],
		encoding: 'utf8'
	});
	// adapter-node's tip about `npm run preview` names a script this project does not have: `npm start` serves the build.
	process.stdout.write(r.stdout.replace(/^.*npm run preview.*\n(\s*\n)?/m, ''));
	if (r.status !== 0) process.exit(r.status ?? 1);
}
await import('./serve.ts');
