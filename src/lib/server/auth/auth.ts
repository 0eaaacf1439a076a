import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { twoFactor } from 'better-auth/plugins/two-factor';
import type { Db } from '../db/index.ts';
import { authAccount, authRateLimit, authSession, authTwoFactor, authUser, authVerification } from './schema.ts';
import { peoplePerson } from '../people/index.ts';
import { mailOrigin } from './demo.ts';

export type AuthMailer = {
	resetPassword: (to: string, link: string, locale: string | null) => Promise<void>;
	verifyEmail: (to: string, link: string, locale: string | null) => Promise<void>;
	alreadyRegistered: (to: string, origin: string, locale: string | null) => Promise<void>;
};

export type AuthOptions = {
	db: Db;
	secret: string;
	mailer: AuthMailer;
	secureCookies: boolean;
	// Sign-in attempts per minute per client address (sign-in and reset requests are rate limited).
	signInPerMinute?: number;
	// Where links in mail point; default ORIGIN, else http://localhost:PORT (see demo.ts mailOrigin).
	mailOrigin?: string;
};

// The header our own code sets with the client's address before handing a request to better-auth;
// better-auth's HTTP endpoints are not exposed, so no client can set it.
export const CLIENT_IP_HEADER = 'x-wijkweb-client-ip';

const localeOf = (request?: Request) => request?.headers.get('x-wijkweb-locale') ?? null;

export function createAuth(opts: AuthOptions) {
	const perMinute = opts.signInPerMinute ?? Number(process.env.SIGN_IN_RATE_LIMIT ?? 10);
	// Links in mail never follow the request's Host header: the client chooses it.
	const origin = opts.mailOrigin ?? mailOrigin();
	return betterAuth({
		secret: opts.secret,
		basePath: '/api/auth',
		baseURL: process.env.ORIGIN || undefined,
		logger: { level: 'error' },
		telemetry: { enabled: false },
		database: drizzleAdapter(opts.db, {
			provider: 'pg',
			schema: {
				user: authUser,
				session: authSession,
				account: authAccount,
				verification: authVerification,
				rateLimit: authRateLimit,
				twoFactor: authTwoFactor
			}
		}),
		user: { additionalFields: { locale: { type: 'string', required: false, input: false } } },
		// updateAge: how fresh the account page's "last used" is, at one small write per session and hour.
		session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 },
		emailAndPassword: {
			enabled: true,
			minPasswordLength: 10,
			maxPasswordLength: 128,
			// Unverified addresses cannot sign in; this also makes a sign-up with a known address
			// answer exactly like a new one, so the form never reveals who has an account.
			requireEmailVerification: true,
			revokeSessionsOnPasswordReset: true,
			resetPasswordTokenExpiresIn: 60 * 60,
			sendResetPassword: async ({ user, token }, request) => {
				await opts.mailer.resetPassword(user.email, `${origin}/reset-password?token=${encodeURIComponent(token)}`, localeOf(request));
			},
			onExistingUserSignUp: async ({ user }, request) => {
				await opts.mailer.alreadyRegistered(user.email, origin, localeOf(request));
			}
		},
		emailVerification: {
			sendOnSignUp: true,
			autoSignInAfterVerification: false,
			expiresIn: 60 * 60 * 24,
			sendVerificationEmail: async ({ user, token }, request) => {
				await opts.mailer.verifyEmail(user.email, `${origin}/verify-email?token=${encodeURIComponent(token)}`, localeOf(request));
			}
		},
		rateLimit: {
			enabled: true,
			storage: 'database',
			window: 60,
			max: 100,
			customRules: {
				'/sign-in/email': { window: 60, max: perMinute },
				'/sign-up/email': { window: 60, max: perMinute },
				'/request-password-reset': { window: 60, max: Math.max(3, Math.floor(perMinute / 2)) },
				// Codes are guessed like passwords: the same budget per address as sign-in, per endpoint
				// (better-auth also ends a challenge after 5 wrong codes and locks the account after 10).
				'/two-factor/*': { window: 60, max: perMinute }
			}
		},
		advanced: {
			useSecureCookies: opts.secureCookies,
			cookiePrefix: 'wijkweb',
			ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
			defaultCookieAttributes: { sameSite: 'lax', httpOnly: true }
		},
		plugins: [
			twoFactor({
				issuer: 'Wijkweb',
				totpOptions: { digits: 6, period: 30 },
				backupCodeOptions: { amount: 10, length: 10 }
			})
		],
		databaseHooks: {
			user: {
				create: {
					// Every account is a person too: roles are held by people, with or without an account.
					after: async (user) => {
						await opts.db.insert(peoplePerson).values({ firstName: user.name, email: user.email, userId: user.id }).onConflictDoNothing();
					}
				}
			}
		}
	});
}

export type Auth = ReturnType<typeof createAuth>;
