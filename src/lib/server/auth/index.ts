export { createAuth, CLIENT_IP_HEADER, type Auth, type AuthMailer } from './auth.ts';
export { createToken, listTokens, revokeToken, verifyToken, TOKEN_SCOPES, type TokenScope } from './tokens.ts';
export { listSessions, recordPasswordChange, revokeSession, setLocale } from './sessions.ts';
export { changePasswordInput, signInInput, signUpInput, forgotPasswordInput, resetPasswordInput, createTokenInput } from './validation.ts';
