import { openDatabase } from './lib/database.ts';
import { connect } from '../src/lib/server/db/index.ts';
import { runMigrations } from '../src/lib/server/db/index.ts';

const opened = await openDatabase({ shared: true });
const database = connect(opened.url, 2);
try {
	await runMigrations(database.pool);
	console.log('Migrations applied.');
} finally {
	await database.close();
	await opened.stop();
}
