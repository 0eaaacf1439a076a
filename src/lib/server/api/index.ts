export { openApiDocument, OPERATIONS } from './openapi.ts';
export { me } from './me.ts';
export { meResponse, problemSchema } from './schemas.ts';
