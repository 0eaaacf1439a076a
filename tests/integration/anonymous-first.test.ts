import { describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import pg from 'pg';
import { freshDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import {
	completeLink,
	createNeed,
	createNeedInput,
	createOffer,
	createOfferInput,
	endLink,
	proposeLink,
	respondToLink
} from '../../src/lib/server/aid/index.ts';
import { registerPerson, registerPersonInput } from '../../src/lib/server/people/index.ts';
import { anonymous } from '../../src/lib/server/core/context.ts';
import { ForbiddenError, UnauthenticatedError } from '../../src/lib/server/core/errors.ts';
import { aidLink, aidNeed, aidOffer } from '../../src/lib/server/aid/schema.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';

// Nobody signed in is a 401 before any database work. Each call below runs while another connection
// holds the lock the verb would need first; a verb that touched the database before refusing would
// wait for it (and time out here) instead of answering at once.

const database = await freshDatabase();
const { db } = database;
const org = await makeOrganisation(db);
const area = await makeArea(db);
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id });
const f = ctxFor(db, facilitator.actor);
const nobody = ctxFor(db, anonymous);
const WINDOWS = [{ day: 1, start: 540, end: 720 }];

const senior = await registerPerson(
	f,
	registerPersonInput.parse({ firstName: 'Georgi', organisationId: org.id, areaId: area.id, contactConsent: 'on' })
);
const need = await createNeed(
	f,
	createNeedInput.parse({ personId: senior.id, category: 'errands', title: 'Shopping', areaId: area.id, windows: WINDOWS })
);
const offer = await createOffer(
	ctxFor(db, volunteer.actor),
	createOfferInput.parse({ personId: volunteer.person.id, category: 'errands', title: 'Errands', areaId: area.id, windows: WINDOWS, capacity: 1 })
);
const link = await proposeLink(f, { needId: need.id, offerId: offer.id });

/** Runs `work` while another connection holds `lockSql` in an open transaction. */
async function whileLocked<T>(lockSql: string, params: unknown[], work: () => Promise<T>): Promise<T> {
	const other = new pg.Client({ connectionString: database.url });
	await other.connect();
	try {
		await other.query('BEGIN');
		await other.query(lockSql, params);
		return await work();
	} finally {
		await other.query('ROLLBACK');
		await other.end();
	}
}

/** What the call answered within `ms`: its error, or 'waited' when it did not answer in time. */
async function answerWithin(call: () => Promise<unknown>, ms = 1500): Promise<unknown> {
	let timer: NodeJS.Timeout | undefined;
	const waited = new Promise((resolve) => (timer = setTimeout(() => resolve('waited'), ms)));
	const result = call().then(
		() => 'done',
		(e: unknown) => e
	);
	try {
		return await Promise.race([result, waited]);
	} finally {
		clearTimeout(timer);
	}
}

const rows = async () => ({
	needs: (await db.select({ n: count() }).from(aidNeed))[0]!.n,
	offers: (await db.select({ n: count() }).from(aidOffer))[0]!.n,
	audit: (await db.select({ n: count() }).from(coreAudit))[0]!.n
});

describe('nobody signed in is refused with 401 before any database work', () => {
	it('respondToLink, completeLink and endLink answer 401 at once while the link row is locked elsewhere', async () => {
		const before = await db.select().from(aidLink);
		const answers = await whileLocked('SELECT id FROM aid_link WHERE id = $1 FOR UPDATE', [link.id], async () => [
			await answerWithin(() => respondToLink(nobody, { linkId: link.id, answer: 'accept' })),
			await answerWithin(() => respondToLink(nobody, { linkId: link.id, answer: 'decline', side: 'offer' })),
			await answerWithin(() => completeLink(nobody, { linkId: link.id })),
			await answerWithin(() => endLink(nobody, { linkId: link.id, to: 'cancelled', reason: 'x' }))
		]);
		for (const a of answers) {
			expect(a).toBeInstanceOf(UnauthenticatedError);
			expect((a as UnauthenticatedError).status).toBe(401);
		}
		expect(await db.select().from(aidLink)).toEqual(before);
	});

	it('createNeed and createOffer answer 401 at once while the people table is locked elsewhere', async () => {
		const before = await rows();
		const needInput = createNeedInput.parse({ personId: senior.id, category: 'errands', title: 'More shopping', areaId: area.id, windows: WINDOWS });
		const offerInput = createOfferInput.parse({
			personId: volunteer.person.id,
			category: 'errands',
			title: 'More',
			areaId: area.id,
			windows: WINDOWS,
			capacity: 1
		});
		const answers = await whileLocked('LOCK TABLE people_person IN ACCESS EXCLUSIVE MODE', [], async () => [
			await answerWithin(() => createNeed(nobody, needInput)),
			await answerWithin(() => createOffer(nobody, offerInput))
		]);
		for (const a of answers) expect(a).toBeInstanceOf(UnauthenticatedError);
		expect(await rows()).toEqual(before);
	});

	it('the wrong role (or a read-only token) is a 403 at once too: the link row is locked only after the permission is held', async () => {
		const before = await db.select().from(aidLink);
		const wrong = [ctxFor(db, coordinator.actor), ctxFor(db, { ...facilitator.actor, via: 'token', tokenScopes: ['read'] })];
		const answers = await whileLocked('SELECT id FROM aid_link WHERE id = $1 FOR UPDATE', [link.id], async () => {
			const out: unknown[] = [];
			for (const who of wrong) {
				out.push(await answerWithin(() => respondToLink(who, { linkId: link.id, answer: 'accept' })));
				out.push(await answerWithin(() => completeLink(who, { linkId: link.id })));
				out.push(await answerWithin(() => endLink(who, { linkId: link.id, to: 'cancelled', reason: 'x' })));
			}
			return out;
		});
		for (const a of answers) expect(a).toBeInstanceOf(ForbiddenError);
		expect(await db.select().from(aidLink)).toEqual(before);
	});

	it('still lets a signed-in party act once the lock is gone (the check refuses nobody else)', async () => {
		const accepted = await respondToLink(ctxFor(db, volunteer.actor), { linkId: link.id, answer: 'accept' });
		expect(accepted.status).toBe('accepted');
	});
});
