export * from './errors.ts';
export * from './context.ts';
export { audit } from './audit.ts';
export { authSecret, getSetting, setSetting } from './settings.ts';
export { line, optionalLine } from './text.ts';
export { containsPattern } from './like.ts';
export { coreAudit } from './schema.ts';
export { isStopping, onShutdown, runShutdown } from './shutdown.ts';
