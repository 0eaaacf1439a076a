import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { openDatabase } from './lib/database.ts';
import { connect } from '../src/lib/server/db/index.ts';
import { authUser } from '../src/lib/server/auth/index.ts';
import { loadActor } from '../src/lib/server/access/index.ts';
import { createToken } from '../src/lib/server/auth/index.ts';

// npm run token -- --email EMAIL [--name NAME] [--write] [--days N]
// Prints the new token on the last line, so scripts can take it with `tail -n 1`.
const { values } = parseArgs({
	options: { email: { type: 'string' }, name: { type: 'string' }, write: { type: 'boolean' }, days: { type: 'string' } }
});
if (!values.email) {
	console.error('Usage: npm run token -- --email EMAIL [--name NAME] [--write] [--days N]');
	process.exit(2);
}
const opened = await openDatabase({ shared: true });
const database = connect(opened.url, 2);
try {
	const [user] = await database.db.select({ id: authUser.id }).from(authUser).where(eq(authUser.email, values.email.toLowerCase()));
	const actor = user ? await loadActor(database.db, user.id) : null;
	if (!actor) {
		console.error(`No account with the e-mail address ${values.email}.`);
		process.exitCode = 1;
	} else {
		const created = await createToken(
			{ db: database.db, actor },
			{
				name: values.name ?? 'command line',
				scopes: values.write ? ['read', 'write'] : ['read'],
				expiresInDays: values.days ? Number(values.days) : null
			}
		);
		console.log(`Token "${created.name}" for ${values.email} (scopes: ${values.write ? 'read, write' : 'read'}):`);
		console.log(created.token);
	}
} finally {
	await database.close();
	await opened.stop();
}
