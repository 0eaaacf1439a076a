import { resolve } from 'node:path';
import { openDatabase } from './lib/database.ts';
import { citySeeded, seedCity, CITY_COORDINATOR, CITY_FACILITATOR, SIZES } from './lib/city.ts';
import { NETWORK_SIZES } from './lib/city-network.ts';
import { FIELDWORK_SIZES } from './lib/city-fieldwork.ts';
import { ACTIVITY_SIZES } from './lib/city-activities.ts';
import { connect } from '../src/lib/server/db/index.ts';
import { runMigrations } from '../src/lib/server/db/index.ts';
import { DEMO_PASSWORD } from '../src/lib/server/seed/index.ts';

// `npm run seed:city`: the city-scale dataset of the mutual-aid benchmarks (scripts/lib/city.ts), on
// DATABASE_URL or the embedded PostgreSQL under DATA_DIR. Best in its own data dir, away from the demo:
//   DATA_DIR=.data-city npm run seed:city
const started = performance.now();
const opened = await openDatabase({ shared: true });
const database = connect(opened.url, 2);
let code = 0;
try {
	console.log(`City data → ${opened.embedded ? `embedded PostgreSQL in ${resolve(process.env.DATA_DIR ?? './data')}` : 'DATABASE_URL'}`);
	let t0 = performance.now();
	await runMigrations(database.pool);
	console.log(`  migrations: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
	if (await citySeeded(database.pool)) {
		console.error('The city data are already in this database; nothing changed. Use a fresh DATA_DIR (or database) to make them again.');
		code = 1;
	} else {
		t0 = performance.now();
		await seedCity(database.pool);
		const s = SIZES;
		console.log(
			`City data made in ${((performance.now() - t0) / 1000).toFixed(1)} s (total with start-up ${((performance.now() - started) / 1000).toFixed(1)} s): ` +
				`25 districts, ${s.people.toLocaleString('en')} people, ${s.activeOffers.toLocaleString('en')} active offers, ` +
				`${s.openNeeds.toLocaleString('en')} open needs, ${(s.pastNeeds + s.earlierLinks).toLocaleString('en')} past links, ` +
				`households for six in ten people, ${NETWORK_SIZES.partners} partner organisations, ${(NETWORK_SIZES.personTies + NETWORK_SIZES.partnerTies).toLocaleString('en')} ties, ` +
				`${FIELDWORK_SIZES.contacts.toLocaleString('en')} fieldwork contacts, ${FIELDWORK_SIZES.questions.toLocaleString('en')} questions, ${FIELDWORK_SIZES.referrals.toLocaleString('en')} referrals, ${FIELDWORK_SIZES.signals} signals, ` +
				`${ACTIVITY_SIZES.activities.toLocaleString('en')} activities, ${(ACTIVITY_SIZES.activities * ACTIVITY_SIZES.sessionsPerActivity).toLocaleString('en')} sessions, ${(ACTIVITY_SIZES.activities * ACTIVITY_SIZES.sessionsPerActivity * ACTIVITY_SIZES.perSession).toLocaleString('en')} attendances.`
		);
		console.log(
			`Accounts: ${CITY_FACILITATOR} (facilitator, first district), ${CITY_COORDINATOR} (coordinator), worker-city-1…${FIELDWORK_SIZES.workers}@example.org (fieldworkers) — password ${DEMO_PASSWORD}.`
		);
	}
} catch (e) {
	console.error(`Seeding the city data failed (nothing was kept): ${(e as Error)?.message ?? e}`);
	code = 1;
} finally {
	await database.close();
	await opened.stop();
}
process.exit(code);
