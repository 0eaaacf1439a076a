// The web layer's door for routes: answering the API (problem+json), form state, the request's
// context, guards, the runtime's database and auth, and translation of domain errors.
export { problem, problemFrom } from './api.ts';
export { authErrorCode, callAuth, mailboxOpenTo, recoveryCodesOf } from './auth-bridge.ts';
export { ctxOf } from './ctx.ts';
export { dispatch } from './dispatch.ts';
export { type FormState, failForm, failFrom, forForm, formValues, parseForm } from './forms.ts';
export { guard, pathId } from './guard.ts';
export { nextPath, signInFor } from './next.ts';
export { db, getAuth } from './runtime.ts';
export { translate } from './translate.ts';
