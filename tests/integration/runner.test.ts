import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { freshDatabase } from './db.ts';
import { ctxFor, makeActor, makeOrganisation } from '../factories/index.ts';
import { anonymous, type Actor, type Ctx } from '../../src/lib/server/core/context.ts';
import { ForbiddenError, InvalidError, NotFoundError, PUBLIC, UnauthenticatedError, defineVerb, verbs } from '../../src/lib/server/core/index.ts';
import { coreAudit } from '../../src/lib/server/core/schema.ts';
import { instanceWide, permission } from '../../src/lib/server/access/index.ts';
import { peopleOrganisation } from '../../src/lib/server/people/schema.ts';
// Every module's verbs, so the registry holds them all.
import '../../src/lib/server/aid/index.ts';
import '../../src/lib/server/people/index.ts';
import '../../src/lib/server/areas/index.ts';
import '../../src/lib/server/api/index.ts';

// The door's order, for every verb: 401 before anything, then the input, then the transaction, the
// permission and the verb's access, the verb itself, and its audit row in the same transaction.

const { db } = await freshDatabase();
const org = await makeOrganisation(db);
const facilitator = await makeActor(db, 'facilitator', { organisationId: org.id });
const resident = await makeActor(db, 'resident', { organisationId: org.id });

/** The real database, with a record of whether anything reached it (the proxy passes every use through). */
function watched(): { ctx: (actor: Actor) => Ctx; touched: () => boolean } {
	let touched = false;
	const spy = new Proxy(db, {
		get(target, prop, receiver) {
			touched = true;
			const value = Reflect.get(target, prop, receiver) as unknown;
			return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
		}
	});
	return { ctx: (actor) => ctxFor(spy, actor), touched: () => touched };
}

const steps: string[] = [];
const rename = defineVerb({
	name: 'test.organisation.rename',
	summary: 'Rename an organisation (a test verb)',
	permission: permission('people.person.register'),
	input: z.object({ id: z.uuid('error_not_found'), name: z.string().min(2, 'error_required'), fail: z.boolean().default(false) }),
	writes: true,
	access: async (ctx, { id }) => {
		steps.push('access');
		const [row] = await ctx.db.select().from(peopleOrganisation).where(eq(peopleOrganisation.id, id));
		if (!row || row.id !== org.id) throw new NotFoundError();
		return row;
	},
	run: async (ctx, { name, fail }, row) => {
		steps.push('run');
		await ctx.db.update(peopleOrganisation).set({ name }).where(eq(peopleOrganisation.id, row.id));
		if (fail) throw new InvalidError({ name: 'error_invalid' });
		return { id: row.id, name };
	},
	audit: (_input, out) => ({ action: 'update', entity: 'people_organisation', entityId: out.id, details: { test: true } })
});

const open = defineVerb({
	name: 'test.public.hello',
	summary: 'Says hello to anyone (a test verb)',
	permission: PUBLIC,
	input: z.object({}).default({}),
	writes: false,
	access: instanceWide,
	run: async () => 'hello'
});

const audits = async () =>
	((await db.select({ n: count() }).from(coreAudit).where(eq(coreAudit.entity, 'people_organisation'))) as [{ n: number }])[0].n;
const nameOf = async () => (await db.select().from(peopleOrganisation).where(eq(peopleOrganisation.id, org.id)))[0]!.name;

describe('the verb runner', () => {
	it('answers 401 to nobody before anything reaches the database, even for bad input', async () => {
		const w = watched();
		steps.length = 0;
		await expect(rename(w.ctx(anonymous), { id: 'nonsense', name: '' })).rejects.toBeInstanceOf(UnauthenticatedError);
		expect(w.touched()).toBe(false);
		expect(steps).toEqual([]);
	});

	it('refuses bad input (422, fields named) before any query', async () => {
		const w = watched();
		const e = await rename(w.ctx(facilitator.actor), { id: org.id, name: 'x' }).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(InvalidError);
		expect((e as InvalidError).fields).toEqual({ name: 'error_required' });
		expect(w.touched()).toBe(false);
	});

	it('refuses a wrong role (403) before the access function or the verb run', async () => {
		steps.length = 0;
		await expect(rename(ctxFor(db, resident.actor), { id: org.id, name: 'Renamed' })).rejects.toBeInstanceOf(ForbiddenError);
		expect(steps).toEqual([]);
	});

	it('refuses a write through a read-only token (403)', async () => {
		const readOnly = { ...facilitator.actor, via: 'token', tokenScopes: ['read'] } as Actor;
		await expect(rename(ctxFor(db, readOnly), { id: org.id, name: 'Renamed' })).rejects.toBeInstanceOf(ForbiddenError);
		expect(await nameOf()).toBe(org.name);
	});

	it('answers 404 for a record outside the scope, and the verb never runs', async () => {
		const other = await makeOrganisation(db);
		steps.length = 0;
		await expect(rename(ctxFor(db, facilitator.actor), { id: other.id, name: 'Taken over' })).rejects.toBeInstanceOf(NotFoundError);
		expect(steps).toEqual(['access']);
	});

	it('runs the verb and writes its audit row in the same transaction', async () => {
		const before = await audits();
		steps.length = 0;
		expect(await rename(ctxFor(db, facilitator.actor), { id: org.id, name: 'Buurthuis' })).toEqual({ id: org.id, name: 'Buurthuis' });
		expect(steps).toEqual(['access', 'run']);
		expect(await audits()).toBe(before + 1);
		const [row] = await db.select().from(coreAudit).where(eq(coreAudit.entityId, org.id));
		expect(row).toMatchObject({ actorUserId: facilitator.user.id, action: 'update' });
	});

	it('commits nothing, neither the change nor the audit row, when the verb fails halfway', async () => {
		const before = await audits();
		await expect(rename(ctxFor(db, facilitator.actor), { id: org.id, name: 'Half done', fail: true })).rejects.toBeInstanceOf(InvalidError);
		expect(await nameOf()).toBe('Buurthuis');
		expect(await audits()).toBe(before);
	});

	it('runs a public verb for nobody', async () => {
		expect(await open(ctxFor(db, anonymous))).toBe('hello');
	});
});

describe('the registry', () => {
	it('holds every module verb under a unique dotted name, with a summary, and every write audited', () => {
		const all = [...verbs().values()];
		expect(all.length).toBeGreaterThan(5);
		for (const v of all) {
			expect(v.spec.name, v.spec.name).toMatch(/^[a-z]+(\.[a-z_]+){2,}$/);
			expect(v.spec.summary.length, v.spec.name).toBeGreaterThan(5);
			if (v.spec.writes) expect(typeof (v.spec as { audit?: unknown }).audit, v.spec.name).toBe('function');
		}
	});
});
