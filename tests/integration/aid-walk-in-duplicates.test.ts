import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { formPost, outcome } from '../factories/page.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { createOfficeHour, DuplicatePersonError, walkIn } from '../../src/lib/server/aid/index.ts';
import { aidNeed, aidVisit } from '../../src/lib/server/aid/schema.ts';
import { peoplePerson } from '../../src/lib/server/people/schema.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { m } from '../../src/lib/paraglide/messages.js';

// The office-hour walk-in form: the same first name and phone twice in one organisation is warned about,
// with the person already known offered instead (no JavaScript: buttons of the same form). And a
// half-given weekly time says what is missing.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const area = await makeArea(db, 'Rabot');
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const stranger = await makeActor(db, 'facilitator', { organisationId: otherOrg.id, areaId: area.id });
const hour = await createOfficeHour(ctxFor(db, facilitator.actor), { areaId: area.id, place: 'Wijkhuis', day: 1, start: '09:00', end: '12:00' });
const strangerHour = await createOfficeHour(ctxFor(db, stranger.actor), { areaId: area.id, place: 'Elders', day: 1, start: '09:00', end: '12:00' });

const actions = async () => (await import('../../src/routes/(work)/aid/office-hour/+page.server.ts')).actions;
const fields = (over: Record<string, string> = {}) =>
	Object.entries({
		officeHourId: hour.id,
		firstName: 'Inès',
		phone: '0470 12 34 56',
		category: 'errands',
		title: 'Boodschappen doen',
		...over
	});
const post = async (who: { actor: unknown }, f: Array<[string, string]>) =>
	outcome((await actions()).walkIn!(formPost('/aid/office-hour?/walkIn', who, f)));
const people = async () => ((await db.select({ n: count() }).from(peoplePerson)) as [{ n: number }])[0].n;
const needs = async () => ((await db.select({ n: count() }).from(aidNeed)) as [{ n: number }])[0].n;
const visits = async () => ((await db.select({ n: count() }).from(aidVisit)) as [{ n: number }])[0].n;
type Failure = {
	status: number;
	data: {
		form: string;
		message: string;
		values: Record<string, string>;
		errors: Record<string, string>;
		known?: { id: string; firstName: string }[];
	};
};

describe('a walk-in registered twice', () => {
	let first: string;

	it('registers the first time without a warning', async () => {
		const res = (await post(facilitator, fields())) as { status: number; location: string };
		expect(res.status).toBe(303);
		const [p] = await db.select().from(peoplePerson).where(eq(peoplePerson.firstName, 'Inès'));
		first = p!.id;
	});

	it('warns when the same first name (other case, no accent) and phone (with country code) come again, offers that person, writes nothing', async () => {
		const before = [await people(), await needs(), await visits()];
		const res = (await post(facilitator, fields({ firstName: 'INES', phone: '+32 470 12.34.56', title: 'Brief lezen' }))) as Failure;
		expect(res.status).toBe(409);
		expect(res.data.form).toBe('walkin');
		expect(res.data.message).toBe(m.oh_duplicate_error({}, { locale: 'en' }));
		expect(res.data.known?.map((k) => k.id)).toEqual([first]);
		expect(res.data.values).toMatchObject({ firstName: 'INES', title: 'Brief lezen' });
		expect([await people(), await needs(), await visits()]).toEqual(before);
		// Showing the person already known is a read of their record: audited.
		const reads = await db.select().from(coreAudit).where(eq(coreAudit.entityId, first));
		expect(reads).toContainEqual(expect.objectContaining({ action: 'read', reason: 'walk-in duplicate warning', actorUserId: facilitator.user.id }));
	});

	it('"use this person" adds the need to the one already known', async () => {
		const before = await people();
		const res = (await post(facilitator, [...fields({ firstName: 'INES', title: 'Brief lezen' }), ['personId', first]])) as {
			status: number;
			location: string;
		};
		expect(res.status).toBe(303);
		expect(await people()).toBe(before);
		const needId = new URL(res.location, 'http://localhost').searchParams.get('need')!;
		const [need] = await db.select().from(aidNeed).where(eq(aidNeed.id, needId));
		expect(need!.personId).toBe(first);
	});

	it('"register anyway" makes a second person when it really is someone else', async () => {
		const before = await people();
		const res = (await post(facilitator, [...fields({ title: 'Hulp bij verhuis' }), ['registerAnyway', 'on']])) as { status: number };
		expect(res.status).toBe(303);
		expect(await people()).toBe(before + 1);
	});

	it('does not warn for another phone or another first name, nor about people of another organisation', async () => {
		expect(((await post(facilitator, fields({ phone: '0470 99 88 77' }))) as { status: number }).status).toBe(303);
		expect(((await post(facilitator, fields({ firstName: 'Inge' }))) as { status: number }).status).toBe(303);
		// The other organisation knows no Inès with that phone: its walk-in registers without a warning.
		await expect(
			walkIn(ctxFor(db, stranger.actor), {
				officeHourId: strangerHour.id,
				firstName: 'Ines',
				phone: '0470123456',
				category: 'errands',
				title: 'Boodschappen'
			})
		).resolves.toMatchObject({ need: { category: 'errands' } });
		// The verb answers the same way, with who, registering nothing (the form turns it into a 409) and
		// keeping the audit rows of that read: an error would have rolled them back with the transaction.
		const before = [await people(), await needs(), await visits()];
		const reads = async () => (await db.select().from(coreAudit).where(eq(coreAudit.reason, 'walk-in duplicate warning'))).length;
		const readsBefore = await reads();
		const answer = await walkIn(ctxFor(db, facilitator.actor), {
			officeHourId: hour.id,
			firstName: 'ines',
			phone: '0032470123456',
			category: 'errands',
			title: 'Boodschappen'
		});
		expect('known' in answer && answer.known.map((k) => k.firstName)).toEqual(['Inès', 'Inès']);
		expect([await people(), await needs(), await visits()]).toEqual(before);
		expect(await reads()).toBe(readsBefore + 2);
		expect(new DuplicatePersonError([]).status).toBe(409);
	});
});

describe('a weekly time given only in part', () => {
	it('says which part is missing: the day and the end, not "choose one of the options" or "not a valid time"', async () => {
		const before = await people();
		const res = (await post(facilitator, fields({ firstName: 'Nadia', phone: '', start: '10:00', day: '', end: '' }))) as Failure;
		expect(res.status).toBe(400);
		expect(res.data.errors.day).toBe(m.aid_error_window_day_missing({}, { locale: 'en' }));
		expect(res.data.errors.end).toBe(m.aid_error_window_end_missing({}, { locale: 'en' }));
		expect(res.data.errors.start).toBeUndefined();
		expect(res.data.errors.day).not.toBe(m.error_choice({}, { locale: 'en' }));
		expect(res.data.errors.end).not.toBe(m.aid_error_time({}, { locale: 'en' }));
		const onlyEnd = (await post(facilitator, fields({ firstName: 'Nadia', phone: '', day: '2', end: '12:00' }))) as Failure;
		expect(onlyEnd.data.errors.start).toBe(m.aid_error_window_start_missing({}, { locale: 'en' }));
		expect(await people()).toBe(before);
	});
});
