import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { peopleOrganisation, peoplePurpose } from '../people/index.ts';

export type MissingRetention = { organisation: string; purpose: string };

/** Every active purpose without a retention period: each one a configuration error. */
export async function missingRetention(db: Db): Promise<MissingRetention[]> {
	return db
		.select({ organisation: peopleOrganisation.name, purpose: peoplePurpose.code })
		.from(peoplePurpose)
		.innerJoin(peopleOrganisation, eq(peopleOrganisation.id, peoplePurpose.organisationId))
		.where(and(eq(peoplePurpose.active, true), isNull(peoplePurpose.retentionDays)))
		.orderBy(asc(peopleOrganisation.name), asc(peoplePurpose.code));
}

/**
 * The server's refusal, for the operator's terminal (English, like every start-up message): null when
 * retention is complete. Without a period the retention job could never remove what a purpose keeps,
 * so the server does not start rather than keep data without a limit.
 */
export async function retentionRefusal(db: Db): Promise<string | null> {
	const missing = await missingRetention(db);
	if (!missing.length) return null;
	const lines = missing.map((m) => `  - organisation "${m.organisation}", purpose "${m.purpose}"`);
	return [
		'Refusing to start: every active purpose needs a retention period (people_purpose.retention_days), and these have none:',
		...lines,
		'Set a retention period for each on the organisation’s purposes page (or switch the purpose off), then start again.'
	].join('\n');
}
