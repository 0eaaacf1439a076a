import { rmSync } from 'node:fs';

// The browser tests' server: a fresh embedded database with the demo data, every run.
rmSync(process.env.DATA_DIR ?? '.test-data/e2e', { recursive: true, force: true });
await import('./serve.ts');
