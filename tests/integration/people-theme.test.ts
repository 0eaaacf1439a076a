import { describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { freshAppDatabase } from './db.ts';
import { ctxFor, makeActor, makeArea, makeOrganisation } from '../factories/index.ts';
import { formPost, outcome } from '../factories/page.ts';
import { actorLook, getOrganisationTheme, listOrganisations, organisationLogo, setOrganisationTheme } from '../../src/lib/server/people/index.ts';
import { anonymous } from '../../src/lib/server/core/context.ts';
import { ForbiddenError, InvalidError, NotFoundError, UnauthenticatedError } from '../../src/lib/server/core/errors.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { peopleOrganisation } from '../../src/lib/server/people/schema.ts';
import { accessRoleGrant } from '../../src/lib/server/access/schema.ts';

// An organisation's own look: only its org-wide coordinators and admins set it, a colour that fails
// contrast and a logo that is too big or not a raster picture are refused, and nothing changes then.

const { db } = await freshAppDatabase();
const org = await makeOrganisation(db, 'Wijkhuis Rabot');
const otherOrg = await makeOrganisation(db, 'Buurthuis Elders');
const area = await makeArea(db);
const coordinator = await makeActor(db, 'coordinator', { organisationId: org.id });
const areaCoordinator = await makeActor(db, 'coordinator', { organisationId: org.id, areaId: area.id });
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id });
const otherCoordinator = await makeActor(db, 'coordinator', { organisationId: otherOrg.id });
const admin = await makeActor(db, 'admin', { organisationId: otherOrg.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id, areaId: area.id });

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const WEBP = Uint8Array.from(
	[...'RIFF']
		.map((c) => c.charCodeAt(0))
		.concat(
			[0x10, 0, 0, 0],
			[...'WEBPVP8 '].map((c) => c.charCodeAt(0))
		)
);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const GIF = new TextEncoder().encode('GIF89a\x01\x00\x01\x00');
const bigPng = () => {
	const bytes = new Uint8Array(100 * 1024 + 1);
	bytes.set(PNG);
	return bytes;
};

const theme = (over: Record<string, unknown> = {}) => ({ organisationId: org.id, name: 'Wijkhuis Rabot', accentColor: '#0B6E4F', ...over });
const row = async (id = org.id) => (await db.select().from(peopleOrganisation).where(eq(peopleOrganisation.id, id)))[0]!;
const themeAudits = async () =>
	(
		(await db
			.select({ n: count() })
			.from(coreAudit)
			.where(and(eq(coreAudit.entity, 'people_organisation'), eq(coreAudit.action, 'update')))) as [{ n: number }]
	)[0].n;
const refusal = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => e);

describe('setting an organisation’s look', () => {
	it('lets its coordinator set the name, accent colour and a PNG logo, with an audit row', async () => {
		const before = await themeAudits();
		await setOrganisationTheme(ctxFor(db, coordinator.actor), theme({ logo: PNG }));
		const saved = await row();
		expect(saved).toMatchObject({ name: 'Wijkhuis Rabot', accentColor: '#0b6e4f', logoType: 'image/png' });
		expect(new Uint8Array(saved.logo!)).toEqual(PNG);
		expect(await themeAudits()).toBe(before + 1);
		const [entry] = await db.select().from(coreAudit).where(eq(coreAudit.entityId, org.id));
		expect(entry).toMatchObject({ actorUserId: coordinator.user.id, entity: 'people_organisation' });
		expect(entry!.details).toMatchObject({ accentColor: { from: null, to: '#0b6e4f' }, logo: { type: 'image/png', bytes: PNG.length } });
	});

	it('serves the logo to anyone, with its version', async () => {
		const logo = await organisationLogo(ctxFor(db, anonymous), { organisationId: org.id });
		expect(logo.type).toBe('image/png');
		expect(new Uint8Array(logo.bytes)).toEqual(PNG);
		const view = await getOrganisationTheme(ctxFor(db, coordinator.actor), { organisationId: org.id });
		expect(view.logoVersion).toBe(logo.version);
		await expect(organisationLogo(ctxFor(db, anonymous), { organisationId: otherOrg.id })).rejects.toBeInstanceOf(NotFoundError);
	});

	it('leaves the logo’s bytes out of the organisations list (the admin page would carry every logo)', async () => {
		const listed = (await listOrganisations(ctxFor(db, admin.actor))).find((o) => o.id === org.id)!;
		expect(listed).toMatchObject({ name: 'Wijkhuis Rabot', accentColor: '#0b6e4f' });
		expect(listed).not.toHaveProperty('logo');
	});

	it('keeps the logo when none is sent, replaces it with a WebP, and removes it when asked', async () => {
		const c = ctxFor(db, coordinator.actor);
		await setOrganisationTheme(c, theme());
		expect((await row()).logoType).toBe('image/png');
		await setOrganisationTheme(c, theme({ logo: WEBP }));
		expect((await row()).logoType).toBe('image/webp');
		await setOrganisationTheme(c, theme({ removeLogo: true }));
		expect(await row()).toMatchObject({ logo: null, logoType: null });
		await setOrganisationTheme(c, theme({ logo: PNG }));
	});

	it('lets an admin of another organisation set it (an admin covers every organisation)', async () => {
		await setOrganisationTheme(ctxFor(db, admin.actor), theme({ accentColor: '#1d4ed8' }));
		expect((await row()).accentColor).toBe('#1d4ed8');
		await setOrganisationTheme(ctxFor(db, admin.actor), theme());
	});

	it('refuses a facilitator (403), another organisation’s coordinator and an area-bound one (404), and anonymous (401); nothing changes', async () => {
		const before = { row: await row(), audits: await themeAudits() };
		const attempt = theme({ name: 'Taken over', accentColor: '#000000', logo: WEBP });
		expect(await refusal(setOrganisationTheme(ctxFor(db, facilitator.actor), attempt))).toBeInstanceOf(ForbiddenError);
		expect(await refusal(setOrganisationTheme(ctxFor(db, resident.actor), attempt))).toBeInstanceOf(ForbiddenError);
		expect(await refusal(setOrganisationTheme(ctxFor(db, otherCoordinator.actor), attempt))).toBeInstanceOf(NotFoundError);
		expect(await refusal(setOrganisationTheme(ctxFor(db, areaCoordinator.actor), attempt))).toBeInstanceOf(NotFoundError);
		expect(await refusal(setOrganisationTheme(ctxFor(db, anonymous), attempt))).toBeInstanceOf(UnauthenticatedError);
		expect(await refusal(getOrganisationTheme(ctxFor(db, otherCoordinator.actor), { organisationId: org.id }))).toBeInstanceOf(NotFoundError);
		expect(await row()).toEqual(before.row);
		expect(await themeAudits()).toBe(before.audits);
	});

	it('refuses colours that fail contrast or are not #rrggbb, with a field error each, and changes nothing', async () => {
		const before = { row: await row(), audits: await themeAudits() };
		const cases: Array<[string, string]> = [
			['#ffcc00', 'people_error_accent_link'], // near-black reads on it, but as link text on white it is 1.6:1
			['#777777', 'people_error_accent_text'], // white 4.48:1, near-black 3.9:1
			['#888', 'people_error_accent_link'],
			['red', 'people_error_accent_format'],
			['#0b6e4f; color: red', 'people_error_accent_format']
		];
		for (const [accentColor, key] of cases) {
			const e = await refusal(setOrganisationTheme(ctxFor(db, coordinator.actor), theme({ accentColor, name: 'Renamed' })));
			expect(e, accentColor).toBeInstanceOf(InvalidError);
			expect((e as InvalidError).fields, accentColor).toEqual({ accentColor: key });
		}
		expect(await row()).toEqual(before.row);
		expect(await themeAudits()).toBe(before.audits);
	});

	it('refuses a logo over 100 KB and anything that is not PNG, WebP or JPEG by its first bytes (SVG, GIF), and changes nothing', async () => {
		const before = { row: await row(), audits: await themeAudits() };
		const cases: Array<[Uint8Array, string]> = [
			[bigPng(), 'people_error_logo_size'],
			[SVG, 'people_error_logo_type'],
			[GIF, 'people_error_logo_type'],
			[new Uint8Array(0), 'people_error_logo_type']
		];
		for (const [logo, key] of cases) {
			const e = await refusal(setOrganisationTheme(ctxFor(db, coordinator.actor), theme({ logo, accentColor: '#000000' })));
			expect(e).toBeInstanceOf(InvalidError);
			expect((e as InvalidError).fields).toEqual({ logo: key });
		}
		expect(await row()).toEqual(before.row);
		expect(await themeAudits()).toBe(before.audits);
	});

	it('refuses another organisation’s name as a field error', async () => {
		const e = await refusal(setOrganisationTheme(ctxFor(db, coordinator.actor), theme({ name: 'Buurthuis Elders' })));
		expect((e as InvalidError).fields).toEqual({ name: 'error_name_taken' });
		expect((await row()).name).toBe('Wijkhuis Rabot');
	});
});

describe('the theme form (no JavaScript: a multipart form post)', () => {
	const post = async (
		who: { actor: unknown },
		fields: Record<string, string>,
		logo?: { bytes: Uint8Array; name: string; type: string },
		id = org.id
	) => {
		const { actions } = await import('../../src/routes/organisations/[id]/+page.server.ts');
		const event = formPost(`/organisations/${id}`, who, fields, { params: { id } }) as { request: Request };
		if (logo) {
			const body = await event.request.formData();
			body.append('logo', new File([logo.bytes as Uint8Array<ArrayBuffer>], logo.name, { type: logo.type }));
			event.request = new Request(event.request.url, { method: 'POST', body });
		}
		return outcome(actions.default!(event as never));
	};

	it('re-renders a refused colour with the values and a translated field error, and saves nothing', async () => {
		const before = await row();
		const res = (await post(coordinator, { name: 'Wijkhuis Rabot', accentColor: '#ffcc00' }, undefined)) as {
			status: number;
			data: { values: Record<string, string>; errors: Record<string, string> };
		};
		expect(res.status).toBe(400);
		expect(res.data.values.accentColor).toBe('#ffcc00');
		expect(res.data.errors.accentColor).toMatch(/too light for links/);
		expect(await row()).toEqual(before);
	});

	it('refuses an SVG that calls itself a PNG, by its bytes', async () => {
		const res = (await post(coordinator, { name: 'Wijkhuis Rabot', accentColor: '' }, { bytes: SVG, name: 'logo.png', type: 'image/png' })) as {
			status: number;
			data: { errors: Record<string, string> };
		};
		expect(res.status).toBe(422);
		expect(res.data.errors.logo).toMatch(/PNG, WebP or JPEG/);
	});

	it('saves a PNG upload, and keeps the logo when the file input is left empty', async () => {
		expect(await post(coordinator, { name: 'Wijkhuis Rabot', accentColor: '#0b6e4f' }, { bytes: WEBP, name: 'l.webp', type: 'image/webp' })).toEqual({
			saved: true
		});
		expect((await row()).logoType).toBe('image/webp');
		expect(
			await post(
				coordinator,
				{ name: 'Wijkhuis Rabot', accentColor: '#0b6e4f' },
				{ bytes: new Uint8Array(0), name: '', type: 'application/octet-stream' }
			)
		).toEqual({ saved: true });
		expect((await row()).logoType).toBe('image/webp');
	});

	it('answers another organisation’s coordinator with a 404', async () => {
		const res = (await post(otherCoordinator, { name: 'Mine now', accentColor: '' })) as { status: number };
		expect(res.status).toBe(404);
		expect((await row()).name).toBe('Wijkhuis Rabot');
	});
});

describe('whose look the pages wear', () => {
	it('is the staff member’s organisation, and the organisation that serves a resident', async () => {
		await setOrganisationTheme(ctxFor(db, coordinator.actor), theme({ accentColor: '#0b6e4f' }));
		const staff = await actorLook(ctxFor(db, facilitator.actor));
		expect(staff).toMatchObject({ organisationId: org.id, name: 'Wijkhuis Rabot', colours: { accent: '#0b6e4f', onAccent: '#ffffff' } });
		expect((await actorLook(ctxFor(db, resident.actor)))?.organisationId).toBe(org.id);
		expect(await actorLook(ctxFor(db, anonymous))).toBeNull();
		expect((await actorLook(ctxFor(db, otherCoordinator.actor)))?.colours).toBeNull();
	});

	it('prefers the organisation someone works for over the one that serves them', async () => {
		const both = await makeActor(db, 'resident', { organisationId: otherOrg.id });
		await db.insert(accessRoleGrant).values({ personId: both.person.id, role: 'facilitator', organisationId: org.id, areaId: null });
		const { loadActor } = await import('../../src/lib/server/access/index.ts');
		const actor = (await loadActor(db, both.user.id))!;
		expect((await actorLook(ctxFor(db, actor)))?.organisationId).toBe(org.id);
	});

	it('does not wear a stored colour that fails contrast (written around the form)', async () => {
		await db.update(peopleOrganisation).set({ accentColor: '#ffff00' }).where(eq(peopleOrganisation.id, otherOrg.id));
		expect((await actorLook(ctxFor(db, otherCoordinator.actor)))?.colours).toBeNull();
	});
});
