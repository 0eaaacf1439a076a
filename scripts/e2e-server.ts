import { rmSync } from 'node:fs';
import { openDatabase } from './lib/database.ts';
import { connect } from '../src/lib/server/db/index.ts';
import { runMigrations } from '../src/lib/server/db/index.ts';
import { seedDemo } from '../src/lib/server/seed/index.ts';
import { seedLongTexts } from '../tests/e2e/seed-long-texts.ts';
import { seedTwoFactor } from '../tests/e2e/seed-two-factor.ts';
import { seedPurposes } from '../tests/e2e/seed-purposes.ts';
import { seedNetwork } from '../tests/e2e/seed-network.ts';

// The browser tests' server: a fresh embedded database with the demo data plus the tests' own (long
// texts in every language, tests/e2e/long-texts.ts; the second-factor journey's accounts), every run.
// The server then finds the demo there. Like the demo, it runs with TWO_FACTOR=optional.
rmSync(process.env.DATA_DIR ?? '.test-data/e2e', { recursive: true, force: true });
{
	const opened = await openDatabase({ shared: false });
	const setup = connect(opened.url, 2);
	try {
		await runMigrations(setup.pool);
		await seedDemo(setup.db);
		await seedLongTexts(setup.db);
		await seedTwoFactor(setup.db);
		await seedPurposes(setup.db);
		await seedNetwork(setup.db);
	} finally {
		await setup.close();
		await opened.stop();
	}
}
await import('./serve.ts');
