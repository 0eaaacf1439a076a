export { createAuth, CLIENT_IP_HEADER, type Auth } from './auth.ts';
export { createToken, listTokens, revokeToken, verifyToken, usesApi } from './tokens.ts';
export { listSessions, recordPasswordChange, revokeSession, setLocale } from './sessions.ts';
export { requestPasswordReset, settleQueuedResets } from './reset.ts';
export { isDemo, demoMailboxOpen, isLoopback, mailOrigin } from './demo.ts';
export { accountAddress } from './address.ts';

export {
	changePasswordInput,
	signInInput,
	signUpInput,
	forgotPasswordInput,
	resetPasswordInput,
	createTokenInput,
	twoFactorPasswordInput,
	totpCodeInput,
	totpConfirmInput,
	recoveryCodeInput
} from './validation.ts';
export { totpPicture } from './totp.ts';
export { DEFAULT_HOST, PEER_HEADER } from './demo.ts';
// Tables other modules JOIN on (one SQL statement instead of a round trip per row) or the demo seed
// writes; part of this module's public API, so a change to them is a change to its door.
export { authAccount, authUser } from './schema.ts';
