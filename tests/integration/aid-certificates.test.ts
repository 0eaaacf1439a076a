import { afterEach, describe, expect, it, vi } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { formPost } from '../factories/page.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { addYears, todayInBelgium } from '../../src/lib/server/core/time.ts';
import {
	certificateHistory,
	createNeed,
	createNeedInput,
	createOffer,
	createOfferInput,
	latestCertificate,
	recordCertificate,
	suggestMatches
} from '../../src/lib/server/aid/index.ts';
import { registerPerson, registerPersonInput } from '../../src/lib/server/people/index.ts';
import { anonymous } from '../../src/lib/server/core/context.ts';
import { ForbiddenError, InvalidError, NotFoundError, UnauthenticatedError } from '../../src/lib/server/core/errors.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { aidCertificate } from '../../src/lib/server/aid/schema.ts';

const { db } = await freshAppDatabase();
afterEach(() => vi.useRealTimers());

const org = await makeOrganisation(db);
const otherOrg = await makeOrganisation(db);
const area = await makeArea(db, 'Rabot');
const otherArea = await makeArea(db, 'Sluizeken');
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: area.id });
const elsewhere = await makeActor(db, 'facilitator', { organisationId: org.id, areaId: otherArea.id });
const stranger = await makeActor(db, 'facilitator', { organisationId: otherOrg.id });
const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id });
const outreach = await makeActor(db, 'outreach', { organisationId: org.id, areaId: area.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: area.id });
const volunteer = await makeActor(db, 'volunteer', { organisationId: org.id, areaId: area.id });
const admin = await makeActor(db, 'admin', { organisationId: otherOrg.id });

const as = (a: { actor: Parameters<typeof ctxFor>[1] }) => ctxFor(db, a.actor);
const f = as(facilitator);
const today = todayInBelgium();

const person = (firstName: string) =>
	registerPerson(f, registerPersonInput.parse({ firstName, organisationId: org.id, areaId: area.id, contactConsent: 'on', languages: 'nl' }));

const total = async (table: typeof aidCertificate | typeof coreAudit) => ((await db.select({ n: count() }).from(table)) as [{ n: number }])[0].n;
const snapshot = async () => ({ certificates: await total(aidCertificate), audit: await total(coreAudit) });

const helper = await person('Ines');
const other = await person('Bart');

describe('recording a check', () => {
	it('records the dates with who checked, audited, and the person becomes matchable for safeguarded help until it expires', async () => {
		const parent = await person('Maria');
		const need = await createNeed(
			f,
			createNeedInput.parse({ personId: parent.id, category: 'homework', title: 'Huiswerk voor mijn zoon', areaId: area.id, safeguarded: true })
		);
		const offer = await createOffer(
			f,
			createOfferInput.parse({ personId: helper.id, category: 'homework', title: 'Huiswerkbegeleiding', areaId: area.id, capacity: 2 })
		);
		const offered = async () => (await suggestMatches(f, { needId: need.id })).candidates.map((c) => c.offerId);
		expect(await offered()).not.toContain(offer.id);

		const validUntil = addYears(today, 3);
		const row = await recordCertificate(f, { personId: helper.id, checkedOn: today, validUntil });
		expect(row).toMatchObject({ personId: helper.id, checkedOn: today, validUntil, checkedByUserId: facilitator.user.id });
		const audits = await db
			.select()
			.from(coreAudit)
			.where(and(eq(coreAudit.entity, 'aid_certificate'), eq(coreAudit.entityId, row.id)));
		expect(audits.map((a) => [a.action, a.actorUserId, a.details])).toEqual([
			['create', facilitator.user.id, { personId: helper.id, checkedOn: today, validUntil }]
		]);
		expect(await offered()).toContain(offer.id);

		// The day after it ends, matching leaves the volunteer out again.
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(new Date(`${validUntil}T12:00:00Z`));
		expect(await offered()).toContain(offer.id);
		vi.setSystemTime(new Date(`${validUntil}T12:00:00Z`).getTime() + 86_400_000);
		expect(await offered()).not.toContain(offer.id);
	});

	it('does not make anyone matchable with a check whose validity already ended', async () => {
		const parent = await person('Lea');
		const late = await person('Jan');
		const need = await createNeed(
			f,
			createNeedInput.parse({ personId: parent.id, category: 'childcare', title: 'Oppas op woensdag', areaId: area.id, safeguarded: true })
		);
		const offer = await createOffer(
			f,
			createOfferInput.parse({ personId: late.id, category: 'childcare', title: 'Oppassen', areaId: area.id, capacity: 1 })
		);
		await recordCertificate(f, { personId: late.id, checkedOn: '2020-01-10', validUntil: '2021-01-10' });
		expect((await suggestMatches(f, { needId: need.id })).candidates.map((c) => c.offerId)).not.toContain(offer.id);
	});

	it('lists the checks newest first with who checked, and keeps the longest valid as the one that counts', async () => {
		const p = await person('Sara');
		await recordCertificate(f, { personId: p.id, checkedOn: '2023-05-02', validUntil: '2026-05-02' });
		await recordCertificate(as(admin), { personId: p.id, checkedOn: today, validUntil: addYears(today, 3) });
		const history = (await certificateHistory(f, { personId: p.id })).items;
		expect(history.map((h) => [h.checkedOn, h.checkedByName, h.checkedByEmail])).toEqual([
			[today, 'admin', admin.email],
			['2023-05-02', 'facilitator', facilitator.email]
		]);
		expect(await latestCertificate(f, { personId: p.id })).toMatchObject({ checkedOn: today, validUntil: addYears(today, 3) });
		expect(await latestCertificate(f, { personId: other.id })).toBeNull();
		expect(await certificateHistory(f, { personId: other.id })).toEqual({ items: [], nextCursor: null });
	});
});

describe('refusals change nothing', () => {
	const valid = () => ({ personId: other.id, checkedOn: today, validUntil: addYears(today, 3) });

	it('refuses residents, volunteers, coordinators, outreach workers, read-only tokens and nobody', async () => {
		const before = await snapshot();
		for (const who of [resident, volunteer, coordinator, outreach]) {
			await expect(recordCertificate(as(who), valid()), who.email).rejects.toBeInstanceOf(ForbiddenError);
			await expect(certificateHistory(as(who), { personId: other.id }), who.email).rejects.toBeInstanceOf(ForbiddenError);
		}
		const readOnly = ctxFor(db, { ...facilitator.actor, via: 'token', tokenScopes: ['read'] });
		await expect(recordCertificate(readOnly, valid())).rejects.toBeInstanceOf(ForbiddenError);
		await expect(recordCertificate(ctxFor(db, anonymous), valid())).rejects.toBeInstanceOf(UnauthenticatedError);
		expect(await snapshot()).toEqual(before);
	});

	it('refuses a facilitator of another organisation or another area as if the person did not exist', async () => {
		const before = await snapshot();
		await expect(recordCertificate(as(stranger), valid())).rejects.toBeInstanceOf(NotFoundError);
		await expect(recordCertificate(as(elsewhere), valid())).rejects.toBeInstanceOf(NotFoundError);
		await expect(latestCertificate(as(stranger), { personId: helper.id })).rejects.toBeInstanceOf(NotFoundError);
		await expect(certificateHistory(as(elsewhere), { personId: helper.id })).rejects.toBeInstanceOf(NotFoundError);
		await expect(recordCertificate(f, { ...valid(), personId: '3f0c9b7e-0000-4000-8000-000000000000' })).rejects.toBeInstanceOf(NotFoundError);
		// Someone no organisation registered (an account of their own): an admin's, not any facilitator's.
		await expect(recordCertificate(f, { ...valid(), personId: volunteer.person.id })).rejects.toBeInstanceOf(NotFoundError);
		expect(await snapshot()).toEqual(before);
	});

	it.each([
		['a validity ending before the check', { checkedOn: '2025-01-10', validUntil: '2024-12-31' }, 'validUntil', 'aid_error_certificate_dates'],
		['a validity ending on the day of the check', { checkedOn: '2025-01-10', validUntil: '2025-01-10' }, 'validUntil', 'aid_error_certificate_dates'],
		['a check in the future', { checkedOn: addYears(today, 1), validUntil: addYears(today, 2) }, 'checkedOn', 'cert_error_future'],
		[
			'a check dated tomorrow',
			{ checkedOn: new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10) },
			'checkedOn',
			'cert_error_future'
		],
		['a validity of more than 5 years', { checkedOn: '2025-01-10', validUntil: '2030-01-11' }, 'validUntil', 'cert_error_too_long'],
		['a check that is not a date', { checkedOn: 'yesterday' }, 'checkedOn', 'error_date'],
		['a 30 February', { checkedOn: '2025-02-30' }, 'checkedOn', 'error_date'],
		['a validity in another format', { validUntil: '10/01/2028' }, 'validUntil', 'error_date'],
		['a missing date', { validUntil: '' }, 'validUntil', 'error_required'],
		['a person id that is not one', { personId: "1'; drop table aid_certificate; --" }, 'personId', 'error_not_found']
	])('refuses %s with a field message, and writes nothing', async (_name, over, field, key) => {
		const before = await snapshot();
		const err = await recordCertificate(f, { ...valid(), ...over }).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(InvalidError);
		expect((err as InvalidError).status).toBe(422);
		expect((err as InvalidError).fields[field]).toBe(key);
		expect(await snapshot()).toEqual(before);
	});

	it('accepts exactly 5 years', async () => {
		const row = await recordCertificate(f, { personId: other.id, checkedOn: '2024-02-29', validUntil: '2029-02-28' });
		expect(row.validUntil).toBe('2029-02-28');
	});
});

describe('the person page', () => {
	const post = (who: { actor: unknown }, fields: Record<string, string>, id: string = helper.id) =>
		formPost(`/people/${id}?/certificate`, who, fields, { params: { id } });
	const load = async (who: { actor: unknown }, id: string) => {
		const page = await import('../../src/routes/(work)/people/[id]/+page.server.ts');
		return (await page.load({
			params: { id },
			locals: { actor: who.actor, locale: 'en' },
			url: new URL(`http://localhost/people/${id}`)
		} as never)) as {
			certificate: { status: string; latest: { validUntil: string } | null; history: unknown[]; today: string; suggestedUntil: string } | null;
		};
	};

	it('shows the section to a facilitator with the status, and proposes today and three years on', async () => {
		const p = await person('Hamid');
		expect((await load(facilitator, p.id)).certificate).toMatchObject({
			status: 'none',
			latest: null,
			history: [],
			today,
			suggestedUntil: addYears(today, 3)
		});
		await recordCertificate(f, { personId: p.id, checkedOn: '2020-01-10', validUntil: '2021-01-10' });
		expect((await load(facilitator, p.id)).certificate?.status).toBe('expired');
		const soon = new Date(Date.parse(`${today}T12:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
		await recordCertificate(f, { personId: p.id, checkedOn: today, validUntil: soon });
		expect((await load(facilitator, p.id)).certificate?.status).toBe('expiring');
		await recordCertificate(f, { personId: p.id, checkedOn: today, validUntil: addYears(today, 3) });
		const view = (await load(facilitator, p.id)).certificate;
		expect(view?.status).toBe('valid');
		expect(view?.history).toHaveLength(3);
		// A coordinator reads the person but does not see (or do) certificate checks.
		expect((await load(coordinator, p.id)).certificate).toBeNull();
	});

	it('records a check from the form', async () => {
		const { actions } = await import('../../src/routes/(work)/people/[id]/+page.server.ts');
		const before = await snapshot();
		const res = await actions.certificate!(post(facilitator, { checkedOn: today, validUntil: addYears(today, 3) }));
		expect(res).toEqual({ certificateSaved: true });
		expect(await snapshot()).toEqual({ certificates: before.certificates + 1, audit: before.audit + 1 });
	});

	it('re-renders bad dates with field messages and the values, refuses the wrong role, and writes nothing', async () => {
		const { actions } = await import('../../src/routes/(work)/people/[id]/+page.server.ts');
		const before = await snapshot();
		const bad = (await actions.certificate!(post(facilitator, { checkedOn: addYears(today, 1), validUntil: 'soon' }))) as {
			status: number;
			data: { form: string; errors: Record<string, string>; values: Record<string, string> };
		};
		expect(bad.status).toBe(400);
		expect(bad.data.form).toBe('certificate');
		expect(bad.data.errors).toEqual({ checkedOn: 'The check cannot be dated in the future.', validUntil: 'This is not a valid date.' });
		expect(bad.data.values).toMatchObject({ validUntil: 'soon' });
		const order = (await actions.certificate!(post(facilitator, { checkedOn: today, validUntil: today }))) as {
			status: number;
			data: { errors: Record<string, string> };
		};
		expect(order.status).toBe(400);
		expect(Object.keys(order.data.errors)).toEqual(['validUntil']);
		const valid = { checkedOn: today, validUntil: addYears(today, 3) };
		for (const who of [coordinator, volunteer, resident]) {
			expect(((await actions.certificate!(post(who, valid))) as { status: number }).status, who.email).toBe(403);
		}
		expect(((await actions.certificate!(post(stranger, valid))) as { status: number }).status).toBe(404);
		expect(await Promise.resolve(actions.certificate!(post(facilitator, valid, 'not-an-id'))).catch((e: unknown) => e)).toMatchObject({
			status: 404
		});
		expect(await snapshot()).toEqual(before);
	});
});
