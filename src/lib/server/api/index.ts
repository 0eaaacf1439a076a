export { openApiDocument, documented } from './openapi.ts';
export { OPERATIONS } from './operations.ts';
export { matchPath, isIdParam, type Operation } from './operation.ts';
export { apiRateLimit, RATE_WINDOW_SECONDS } from './config.ts';
export { countRequest } from './rate-limit.ts';
export { claimKey, releaseKey, storeAnswer } from './idempotency.ts';
