export { createAuth, CLIENT_IP_HEADER, type Auth, type AuthMailer } from './auth.ts';
export { createToken, listTokens, revokeToken, verifyToken, usesApi, TOKEN_SCOPES, type TokenScope } from './tokens.ts';
export { listSessions, recordPasswordChange, revokeSession, setLocale } from './sessions.ts';
export { requestPasswordReset, settleQueuedResets, RESET_MAILS_PER_ADDRESS } from './reset.ts';
export { isDemo, demoMailboxOpen, isLoopback, mailOrigin } from './demo.ts';
export { describeDevice, type Device } from './user-agent.ts';
export { changePasswordInput, signInInput, signUpInput, forgotPasswordInput, resetPasswordInput, createTokenInput } from './validation.ts';
