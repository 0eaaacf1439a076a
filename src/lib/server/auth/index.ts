export { createAuth, CLIENT_IP_HEADER, type Auth, type AuthMailer } from './auth.ts';
export { createToken, listTokens, revokeToken, verifyToken, TOKEN_SCOPES, type TokenScope } from './tokens.ts';
export { listSessions, revokeSession, setLocale } from './sessions.ts';
export { signInInput, signUpInput, forgotPasswordInput, resetPasswordInput, createTokenInput } from './validation.ts';
