import type { Actor } from '../core/index.ts';
import { AppError } from '../core/index.ts';
import type { Role } from './roles.ts';

// The second-factor gate: the roles that can read people's sensitive records need a confirmed second
// factor (TOTP or its recovery codes, auth/auth.ts) before a sensitive permission lets them in.
// Residents and volunteers may enrol too, but are never held back by it.

type Env = Record<string, string | undefined>;

export type TwoFactorSetting = 'required' | 'optional';

/** The roles that read sensitive records (people's details and notes) and so are gated. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['facilitator', 'outreach', 'coordinator', 'admin'];

/**
 * TWO_FACTOR: `required` (the default) or `optional`; the embedded demo (WIJKWEB_DEMO=1, set by the
 * start scripts) defaults to `optional` so that a try-out needs no authenticator app. Anything else
 * is a configuration error, refused at start-up rather than read as either (a typo must not open the
 * gate, nor close it on a whole team).
 */
export function parseTwoFactorSetting(env: Env = process.env): TwoFactorSetting {
	const raw = env.TWO_FACTOR?.trim().toLowerCase();
	if (!raw) return env.WIJKWEB_DEMO === '1' ? 'optional' : 'required';
	if (raw === 'required' || raw === 'optional') return raw;
	throw new Error(`TWO_FACTOR must be "required" or "optional", not "${env.TWO_FACTOR}".`);
}

let setting: TwoFactorSetting | undefined;

/** The setting, read once per process (scripts/serve.ts reads it at start-up, so a bad value stops it there). */
export const twoFactorSetting = (): TwoFactorSetting => (setting ??= parseTwoFactorSetting());

export class SecondFactorRequiredError extends AppError {
	constructor() {
		super(403, 'access_error_second_factor_required');
	}
}

/** Whether this actor must confirm a second factor before a sensitive read (pure but for the setting). */
export function needsSecondFactor(actor: Actor, mode: TwoFactorSetting = twoFactorSetting()): boolean {
	if (actor.secondFactor) return false;
	if (!actor.grants.some((g) => SECOND_FACTOR_ROLES.includes(g.role))) return false;
	return mode === 'required' || actor.secondFactorRequired === true;
}

/** Throws the registered 403 `second-factor-required` when the actor must enrol first. */
export function requireSecondFactor(actor: Actor, mode?: TwoFactorSetting): void {
	if (needsSecondFactor(actor, mode)) throw new SecondFactorRequiredError();
}

/** Whether the actor may turn its second factor off again: only when that would not close the gate on it. */
export const mayTurnOffSecondFactor = (actor: Actor, mode?: TwoFactorSetting): boolean => !needsSecondFactor({ ...actor, secondFactor: false }, mode);
