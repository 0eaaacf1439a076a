import { describe, expect, it } from 'vitest';
import * as areas from '../../src/lib/server/areas/index.ts';

// One door by construction: whatever a module exports that reaches the database is a declared verb
// (it runs through the runner). Every other exported function must be named here as pure — a new
// export that is neither fails this test, and the list is where a reviewer sees it.

const PURE: Record<string, string[]> = {
	areas: []
};

const MODULES: Record<string, Record<string, unknown>> = { areas };

describe('module exports', () => {
	for (const [name, exports] of Object.entries(MODULES)) {
		it(`${name}: every exported function is a declared verb or a listed pure helper`, () => {
			const loose = Object.entries(exports)
				.filter(([, v]) => typeof v === 'function' && !/^class\s/.test(Function.prototype.toString.call(v)))
				.filter(([, v]) => !('spec' in (v as object)))
				.map(([k]) => k)
				.sort();
			expect(loose).toEqual([...(PURE[name] ?? [])].sort());
		});
	}
});
