import type { Db } from '../db/index.ts';
import type { Role } from '../access/index.ts';

export type Grant = { role: Role; organisationId: string; areaId: string | null };

export type Actor = {
	userId: string | null;
	personId: string | null;
	name: string | null;
	email: string | null;
	locale: string | null;
	grants: Grant[];
	via: 'session' | 'token' | 'anonymous' | 'system';
	// API tokens may be narrowed to reading only.
	tokenScopes?: string[];
	// The account has a confirmed second factor (access/second-factor.ts gates sensitive reads on it);
	// absent on actors not loaded from an account, which counts as none.
	secondFactor?: boolean;
	// The account must have one even where TWO_FACTOR=optional.
	secondFactorRequired?: boolean;
};

export type Ctx = {
	db: Db;
	actor: Actor;
	// Assisted use: the person a facilitator is acting for, recorded in every audit row.
	onBehalfOfPersonId?: string;
};

export const anonymous: Actor = {
	userId: null,
	personId: null,
	name: null,
	email: null,
	locale: null,
	grants: [],
	via: 'anonymous'
};

/** @public Kept for jobs that act for nobody (no grants), though no caller uses it today. */
export const systemActor: Actor = { ...anonymous, name: 'system', via: 'system' };

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type TxCtx = Omit<Ctx, 'db'> & { db: Db; tx: Tx };

/** Runs a write in one transaction; the callback gets a context whose db is the transaction. */
export async function inTransaction<T>(ctx: Ctx, work: (tx: TxCtx) => Promise<T>): Promise<T> {
	return ctx.db.transaction(async (tx) => work({ ...ctx, tx, db: tx as unknown as Db }));
}
