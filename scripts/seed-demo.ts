import { openDatabase } from './lib/database.ts';
import { connect } from '../src/lib/server/db/index.ts';
import { runMigrations } from '../src/lib/server/db/index.ts';
import { seedDemo } from '../src/lib/server/seed/index.ts';

const opened = await openDatabase({ shared: true });
const database = connect(opened.url, 2);
try {
	await runMigrations(database.pool);
	const made = await seedDemo(database.db, console.log);
	if (!made) console.log('The demo data was already there; nothing changed.');
} finally {
	await database.close();
	await opened.stop();
}
